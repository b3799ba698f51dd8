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
const base = Number(process.env.BENCH_BASE_PORT ?? 4930);
// BENCH_SUITES=hive,listing runs only those.
const suites = (process.env.BENCH_SUITES ?? 'auth,listing,hive').split(',');
const system = await startBenchSystem(base);
try {
  if (suites.includes('auth')) rows.push(...(await authBench(system)));
  if (suites.includes('listing')) rows.push(...(await listingBench(system)));
  if (suites.includes('hive')) rows.push(...(await hiveComparisonBench(system, base + 8)));
} finally {
  await system.stop();
}
printRows(rows);
