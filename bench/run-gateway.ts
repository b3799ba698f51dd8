/**
 * `npm run bench:gateway`: only the gateway's figures (issue 15, targets 1 and 4), on a system
 * of their own, for measuring a change before and after without the whole `npm run bench`.
 */
import { authBench } from './auth-bench.js';
import { startBenchSystem } from './bench-system.js';
import { hiveComparisonBench } from './gateway-bench.js';
import { listingBench } from './listing-bench.js';
import { printRows, type Row } from './measure.js';

const rows: Row[] = [];
const system = await startBenchSystem(Number(process.env.BENCH_BASE_PORT ?? 4930));
try {
  rows.push(...(await authBench(system)));
  rows.push(...(await listingBench(system)));
  rows.push(...(await hiveComparisonBench(system, Number(process.env.BENCH_BASE_PORT ?? 4930) + 8)));
} finally {
  await system.stop();
}
printRows(rows);
