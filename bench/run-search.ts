/** `npm run bench:search`: the search rows alone, on a system of their own. */
import { printRows } from './measure.js';
import { searchBench } from './search-bench.js';
import { startBenchSystem } from './bench-system.js';

const system = await startBenchSystem(4920);
try {
  printRows(await searchBench(system));
} finally {
  await system.stop();
}
