import { GOOD_CARD, postGraphQL } from '@stuffmart/test-kit';
import { benchBuy, benchCoupon, benchStuff, benchUser, type BenchActor } from './bench-actors.js';
import type { BenchSystem } from './bench-system.js';
import { percentile, type Row } from './measure.js';
import { StripeGateway } from '../subgraphs/payments/src/provider/stripe-gateway.js';

const fmt = (n: number) => n.toFixed(1);

async function timeUntilSold(system: BenchSystem, stuffId: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { body } = await postGraphQL<any>(system.gatewayUrl, `query ($id: ID!) { stuff(id: $id) { availability } }`, {
      id: stuffId,
    });
    if (body.data.stuff.availability === 'SOLD') return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * The stand-in's own latency as payments sees it: the same client creating and confirming a
 * PaymentIntent, 30 times. payOrder by card cannot be faster than the coupon path plus this.
 */
async function standInLatencies(system: BenchSystem): Promise<number[]> {
  const stripe = new StripeGateway(system.env.STRIPE_SECRET_KEY!, system.env.STRIPE_API_URL, undefined);
  const latencies: number[] = [];
  for (let trial = 0; trial < 30; trial++) {
    const started = performance.now();
    const result = await stripe.charge({
      amountCents: 1000,
      currency: 'usd',
      paymentMethodId: GOOD_CARD,
      orderId: `bench-${trial}`,
      attemptId: `bench-${trial}`,
      idempotencyKey: `bench-stand-in-${Date.now()}-${trial}`,
    });
    if (result.outcome !== 'succeeded') throw new Error(`the stand-in did not charge: ${JSON.stringify(result)}`);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

/** Issue 4: payOrder end to end, with a 100% coupon and with the stand-in card, and until SOLD. */
export async function paymentBench(system: BenchSystem): Promise<Row[]> {
  const code = await benchCoupon(system);
  const seller = await benchUser(system, 'seller');
  const rows: Row[] = [];
  const p50: Record<string, number> = {};
  for (const [label, key, args] of [
    ['payOrder, 100% coupon', 'coupon', { couponCode: code }],
    ['payOrder, stand-in card', 'card', { paymentMethodId: GOOD_CARD }],
  ] as const) {
    const pays: number[] = [];
    const sold: number[] = [];
    for (let trial = 0; trial < 30; trial++) {
      const buyer: BenchActor = await benchUser(system, 'payer');
      const stuffId = await benchStuff(system, seller);
      const order = await benchBuy(system, buyer, stuffId);
      const started = performance.now();
      const paid = await postGraphQL<any>(
        system.gatewayUrl,
        `mutation ($orderId: ID!, $paymentMethodId: String, $couponCode: String) { payOrder(orderId: $orderId, paymentMethodId: $paymentMethodId, couponCode: $couponCode) { id } }`,
        { orderId: order.body.data.buyStuff.id, ...args },
        { token: buyer.token },
      );
      if (!paid.body.data) throw new Error(`payOrder failed: ${JSON.stringify(paid.body.errors)}`);
      pays.push(performance.now() - started);
      sold.push(await timeUntilSold(system, stuffId));
    }
    p50[key] = percentile(pays, 50);
    rows.push({
      benchmark: `${label}, 30 sequential`,
      figure: 'p50 / p95 ms',
      value: `${fmt(percentile(pays, 50))} / ${fmt(percentile(pays, 95))}`,
      results: { [`pay_${key}_p50_ms`]: percentile(pays, 50), [`pay_${key}_p95_ms`]: percentile(pays, 95) },
    });
    rows.push({
      benchmark: `${label}: payOrder returned to stuff SOLD`,
      figure: 'p50 / p95 ms',
      value: `${fmt(percentile(sold, 50))} / ${fmt(percentile(sold, 95))}`,
    });
  }
  const standIn = await standInLatencies(system);
  rows.push({
    benchmark: 'the stand-in card alone (create + confirm), 30 sequential',
    figure: 'p50 / p95 ms',
    value: `${fmt(percentile(standIn, 50))} / ${fmt(percentile(standIn, 95))}`,
    results: { stand_in_p50_ms: percentile(standIn, 50) },
  });
  const cardOverStandIn = p50.card! - p50.coupon! - percentile(standIn, 50);
  rows.push({
    benchmark: 'payOrder by card less (coupon path + stand-in), p50',
    figure: 'ms',
    value: fmt(cardOverStandIn),
    results: { pay_card_over_coupon_and_stand_in_ms: cardOverStandIn },
  });
  return rows;
}
