/** `npm run bench`: figures, not pass/fail. Each suite adds rows to one table. */
import { authBench } from './auth-bench.js';
import { startBenchSystem } from './bench-system.js';
import type { Row } from './measure.js';

const system = await startBenchSystem();
const rows: Row[] = [];
try {
  rows.push(...(await authBench(system)));
} finally {
  await system.stop();
}
const width = (key: keyof Row) => Math.max(key.length, ...rows.map((row) => row[key].length));
const line = (row: Row) =>
  `| ${row.benchmark.padEnd(width('benchmark'))} | ${row.figure.padEnd(width('figure'))} | ${row.value.padStart(width('value'))} |`;
console.log(line({ benchmark: 'benchmark', figure: 'figure', value: 'value' }));
console.log(
  `|${'-'.repeat(width('benchmark') + 2)}|${'-'.repeat(width('figure') + 2)}|${'-'.repeat(width('value') + 2)}|`,
);
for (const row of rows) console.log(line(row));
