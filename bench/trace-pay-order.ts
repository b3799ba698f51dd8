/**
 * `npx tsx bench/trace-pay-order.ts [pause ms] [coupon|card]`: where a payOrder's time goes. Runs
 * the system with tracing on (an OTLP receiver in this process), pays 30 orders with a 100% coupon
 * (or the stand-in card), each right after its BUY or after the pause, and prints the span
 * timeline of the median one:
 * start and duration in ms, service, span (SQL statements, events published and processed).
 * Tracing costs time of its own: read the shape, not the figures.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { GOOD_CARD, postGraphQL, startStripeStandIn } from '@stuffmart/test-kit';
import { benchBuy, benchCoupon, benchStuff, benchUser } from './bench-actors.js';
import { startBenchSystem } from './bench-system.js';

interface Span {
  service: string;
  traceId: string;
  name: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
}

const pauseMs = Number(process.argv[2] ?? 0);
const byCard = process.argv[3] === 'card';
const spans: Span[] = [];
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString());
    for (const resource of body.resourceSpans ?? []) {
      const service = resource.resource?.attributes?.find((a: any) => a.key === 'service.name')?.value?.stringValue;
      for (const scope of resource.scopeSpans ?? [])
        for (const span of scope.spans ?? []) spans.push({ service, ...span });
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const stripe = await startStripeStandIn();
const system = await startBenchSystem(4900, {
  STRIPE_SECRET_KEY: stripe.secretKey,
  STRIPE_API_URL: stripe.url,
  OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`,
});
try {
  const code = await benchCoupon(system);
  const seller = await benchUser(system, 'seller');
  const trials: Array<{ ms: number; traceId: string }> = [];
  for (let trial = 0; trial < 30; trial++) {
    const buyer = await benchUser(system, 'payer');
    const order = await benchBuy(system, buyer, await benchStuff(system, seller));
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const traceId = randomBytes(16).toString('hex');
    const started = performance.now();
    const paid = await postGraphQL<any>(
      system.gatewayUrl,
      `mutation ($orderId: ID!, $couponCode: String, $paymentMethodId: String) { payOrder(orderId: $orderId, couponCode: $couponCode, paymentMethodId: $paymentMethodId) { id } }`,
      { orderId: order.body.data.buyStuff.id, ...(byCard ? { paymentMethodId: GOOD_CARD } : { couponCode: code }) },
      { token: buyer.token, headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` } },
    );
    if (!paid.body.data) throw new Error(JSON.stringify(paid.body.errors));
    trials.push({ ms: performance.now() - started, traceId });
  }
  trials.sort((a, b) => a.ms - b.ms);
  const median = trials[15]!;
  console.log(`payOrder p50 ${median.ms.toFixed(1)} ms; all: ${trials.map((t) => t.ms.toFixed(0)).join(' ')}`);
  await new Promise((resolve) => setTimeout(resolve, 2500)); // the exporters' batches
  const timeline = spans
    .filter((span) => span.traceId === median.traceId)
    .sort((a, b) => Number(BigInt(a.startTimeUnixNano) - BigInt(b.startTimeUnixNano)));
  const origin = BigInt(timeline[0]?.startTimeUnixNano ?? 0);
  const ms = (nanos: bigint) => (Number(nanos) / 1e6).toFixed(2).padStart(7);
  for (const span of timeline) {
    const start = BigInt(span.startTimeUnixNano);
    console.log(
      `${ms(start - origin)} ${ms(BigInt(span.endTimeUnixNano) - start)}  ${span.service.padEnd(10)} ${span.name}`,
    );
  }
} finally {
  await system.stop();
  await stripe.close();
  receiver.close();
}
