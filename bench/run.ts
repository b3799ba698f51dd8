/** `npm run bench`: figures, not pass/fail. Each suite adds rows to one table. */
import { startStripeStandIn } from '@stuffmart/test-kit';
import { authBench } from './auth-bench.js';
import { startBenchSystem, type BenchSystem } from './bench-system.js';
import { livePushBench } from './live-push-bench.js';
import { printRows, type Row } from './measure.js';
import { paymentBench } from './payment-bench.js';
import { hiveComparisonBench } from './gateway-bench.js';
import { listingBench } from './listing-bench.js';
import { writeResults } from './results-file.js';
import { expiryBench, saleBench } from './sale-bench.js';
import { searchBench } from './search-bench.js';

const rows: Row[] = [];

async function withSystem(basePort: number, env: NodeJS.ProcessEnv, run: (system: BenchSystem) => Promise<Row[]>) {
  const system = await startBenchSystem(basePort, env);
  try {
    rows.push(...(await run(system)));
  } finally {
    await system.stop();
  }
}

const stripe = await startStripeStandIn();
try {
  await withSystem(
    4900,
    {
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_API_URL: stripe.url,
      RESERVATION_WINDOW_SECONDS: '600',
    },
    async (system) => [
      ...(await authBench(system)),
      ...(await saleBench(system)),
      ...(await listingBench(system)),
      ...(await hiveComparisonBench(system, 4908)),
      ...(await livePushBench(system)),
      ...(await paymentBench(system)),
      ...(await searchBench(system)),
    ],
  );
  await withSystem(4910, { RESERVATION_WINDOW_SECONDS: '2' }, expiryBench);
} finally {
  await stripe.close();
}

printRows(rows);
const resultsPath = new URL('results.json', import.meta.url);
await writeResults(resultsPath.pathname, rows);
console.log(`\nFigures written to ${resultsPath.pathname}`);
