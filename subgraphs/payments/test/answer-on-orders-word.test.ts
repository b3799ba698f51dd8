import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, GOOD_CARD, startStripeStandIn, type StripeStandIn } from '@stuffmart/test-kit';
import { signUpAdmin, startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { databaseOf, orderReads, PAY, reservedSale, stripeEnv } from './support/sale.js';

let system: TestSystem;
let stripe: StripeStandIn;
beforeAll(async () => {
  stripe = await startStripeStandIn();
  // Little enough time left that a card's charge waits for orders' hold (await-hold.ts).
  system = await startTestSystem({ ...stripeEnv(stripe), RESERVATION_WINDOW_SECONDS: '30' });
});
afterAll(async () => {
  await system?.close();
  await stripe?.close();
});

/**
 * Keeps payments' consumer from applying anything while `run` runs: its transaction records
 * each event in processed_events first, and waits for this lock. payOrder never writes there.
 */
async function withPaymentsCopyHeldBack<T>(orderId: string, run: (copyStatus: () => Promise<string>) => Promise<T>) {
  const payments = databaseOf(system, 'payments');
  const reader = databaseOf(system, 'payments');
  await Promise.all([payments.connect(), reader.connect()]);
  const copyStatus = async () =>
    (await reader.query('SELECT status FROM order_copies WHERE id = $1', [orderId])).rows[0]?.status as string;
  try {
    await eventually(async () => ((await copyStatus()) ? true : undefined));
    await payments.query('BEGIN');
    await payments.query('LOCK TABLE processed_events IN EXCLUSIVE MODE');
    const result = await run(copyStatus);
    await payments.query('ROLLBACK');
    await eventually(async () => ((await copyStatus()) === 'COMPLETE' ? true : undefined));
    return result;
  } finally {
    await payments.query('ROLLBACK').catch(() => undefined);
    await Promise.all([payments.end(), reader.end()]);
  }
}

describe('payOrder waiting for orders’ word on the hold and the completion', () => {
  it('charges a card once orders’ order.held is read, before payments’ copy has applied the hold', async () => {
    const sale = await reservedSale(system, 1500);
    const charges = () => stripe.charges.filter((charge) => charge.metadata.orderId === sale.orderId);
    const reply = await withPaymentsCopyHeldBack(sale.orderId, async (copyStatus) => {
      const answer = system.graphql<any>(
        PAY,
        { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
        { token: sale.buyer.token },
      );
      await eventually(async () => (charges().length > 0 ? true : undefined), 3000, 'the charge');
      expect(await copyStatus()).toBe('AWAITING_PAYMENT');
      // The consumer, held back, cannot read the completion either: the answer is PROCESSING.
      return answer;
    });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data.payOrder).toMatchObject({ status: 'PROCESSING', amountCents: 1500 });
    await orderReads(system, sale, 'COMPLETE');
    const again = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
      { token: sale.buyer.token },
    );
    expect(again.body.data.payOrder).toMatchObject({ id: reply.body.data.payOrder.id, status: 'SUCCEEDED' });
    expect(charges()).toHaveLength(1);
    expect(stripe.refunds).toEqual([]);
  });

  it('answers SUCCEEDED once orders’ order.completed is read, while payments’ own copy has yet to apply it', async () => {
    const admin = await signUpAdmin(system);
    const made = await system.graphql<any>(
      `mutation { createCoupon(input: { percentOff: 100, maxRedemptions: 1 }) { code } }`,
      {},
      { token: admin.token },
    );
    const code = made.body.data.createCoupon.code;
    const sale = await reservedSale(system);
    const reply = await withPaymentsCopyHeldBack(sale.orderId, async (copyStatus) => {
      const answer = await system.graphql<any>(
        PAY,
        { orderId: sale.orderId, couponCode: code },
        { token: sale.buyer.token },
      );
      expect(await copyStatus()).toBe('AWAITING_PAYMENT');
      return answer;
    });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data.payOrder).toMatchObject({
      status: 'SUCCEEDED',
      amountCents: 0,
      order: { status: 'COMPLETE' },
    });
    const order = await orderReads(system, sale, 'COMPLETE');
    expect(order.payment.id).toBe(reply.body.data.payOrder.id);
  });
});
