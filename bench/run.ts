/** `npm run bench`: figures, not pass/fail. Each suite adds rows to one table. */
import { startStripeStandIn } from '@stuffmart/test-kit';
import { authBench } from './auth-bench.js';
import { startBenchSystem, type BenchSystem } from './bench-system.js';
import { livePushBench } from './live-push-bench.js';
import type { Row } from './measure.js';
import { paymentBench } from './payment-bench.js';
import { expiryBench, saleBench } from './sale-bench.js';

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
      ...(await livePushBench(system)),
      ...(await paymentBench(system)),
    ],
  );
  await withSystem(4910, { RESERVATION_WINDOW_SECONDS: '2' }, expiryBench);
} finally {
  await stripe.close();
}

const width = (key: keyof Row) => Math.max(key.length, ...rows.map((row) => row[key].length));
const line = (row: Row) =>
  `| ${row.benchmark.padEnd(width('benchmark'))} | ${row.figure.padEnd(width('figure'))} | ${row.value.padStart(width('value'))} |`;
console.log(line({ benchmark: 'benchmark', figure: 'figure', value: 'value' }));
console.log(
  `|${'-'.repeat(width('benchmark') + 2)}|${'-'.repeat(width('figure') + 2)}|${'-'.repeat(width('value') + 2)}|`,
);
for (const row of rows) console.log(line(row));
