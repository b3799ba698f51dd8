import { GOOD_CARD, postGraphQL } from '@stuffmart/test-kit';
import { benchBuy, benchCoupon, benchStuff, benchUser, benchUsers, type BenchActor } from './bench-actors.js';
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

const PAY_TRIALS = 30;

const PAY_ORDER = `mutation ($orderId: ID!, $paymentMethodId: String, $couponCode: String) { payOrder(orderId: $orderId, paymentMethodId: $paymentMethodId, couponCode: $couponCode) { id } }`;

/** A fresh order of the buyer's, paid this way: how long payOrder took, then until the stuff read SOLD. */
async function timePayment(
  system: BenchSystem,
  seller: BenchActor,
  buyer: BenchActor,
  how: { couponCode: string } | { paymentMethodId: string },
): Promise<{ pay: number; sold: number }> {
  const stuffId = await benchStuff(system, seller);
  const order = await benchBuy(system, buyer, stuffId);
  const started = performance.now();
  const paid = await postGraphQL<any>(
    system.gatewayUrl,
    PAY_ORDER,
    { orderId: order.body.data.buyStuff.id, ...how },
    { token: buyer.token },
  );
  if (!paid.body.data) throw new Error(`payOrder failed: ${JSON.stringify(paid.body.errors)}`);
  const pay = performance.now() - started;
  return { pay, sold: await timeUntilSold(system, stuffId) };
}

/**
 * Issue 4: payOrder end to end, with a 100% coupon and with the stand-in card, and until SOLD.
 * The two take turns, one of each per trial, after a pair not counted, so that the card path's
 * figure less the coupon path's is not the host's drift between two series; the buyers are
 * signed up first, so no sign-up's work runs beside a payment.
 */
export async function paymentBench(system: BenchSystem): Promise<Row[]> {
  const code = await benchCoupon(system);
  const seller = await benchUser(system, 'seller');
  const buyers = await benchUsers(system, PAY_TRIALS + 1, 'payer');
  const ways = [
    { label: 'payOrder, 100% coupon', key: 'coupon', how: { couponCode: code } },
    { label: 'payOrder, stand-in card', key: 'card', how: { paymentMethodId: GOOD_CARD } },
  ] as const;
  const pays: Record<string, number[]> = { coupon: [], card: [] };
  const sold: Record<string, number[]> = { coupon: [], card: [] };
  for (let trial = 0; trial <= PAY_TRIALS; trial++) {
    // Each buyer holds two orders at most, one paid each way; which goes first alternates.
    const turn = trial % 2 === 0 ? ways : ([ways[1], ways[0]] as const);
    for (const way of turn) {
      const timed = await timePayment(system, seller, buyers[trial]!, way.how);
      if (trial === 0) continue;
      pays[way.key]!.push(timed.pay);
      sold[way.key]!.push(timed.sold);
    }
  }
  const rows: Row[] = [];
  const p50: Record<string, number> = {};
  for (const { label, key } of ways) {
    p50[key] = percentile(pays[key]!, 50);
    rows.push({
      benchmark: `${label}, ${PAY_TRIALS} sequential, taking turns with the other`,
      figure: 'p50 / p95 ms',
      value: `${fmt(percentile(pays[key]!, 50))} / ${fmt(percentile(pays[key]!, 95))}`,
      results: { [`pay_${key}_p50_ms`]: percentile(pays[key]!, 50), [`pay_${key}_p95_ms`]: percentile(pays[key]!, 95) },
    });
    rows.push({
      benchmark: `${label}: payOrder returned to stuff SOLD`,
      figure: 'p50 / p95 ms',
      value: `${fmt(percentile(sold[key]!, 50))} / ${fmt(percentile(sold[key]!, 95))}`,
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
