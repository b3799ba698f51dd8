import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  GOOD_CARD,
  startStripeStandIn,
  startTcpProxy,
  type Actor,
  type StripeStandIn,
  type TcpProxy,
} from '@stuffmart/test-kit';
import { signUpAdmin, startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { databaseOf, orderReads, PAY, reservedSale, stripeEnv, type Sale } from './support/sale.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let stripe: StripeStandIn;
beforeAll(async () => {
  stripe = await startStripeStandIn();
});
afterAll(() => stripe?.close());

/** payOrder asking nothing of orders (which is down in some of these tests). */
const PAY_ONLY = `mutation ($orderId: ID!, $paymentMethodId: String, $couponCode: String) {
  payOrder(orderId: $orderId, paymentMethodId: $paymentMethodId, couponCode: $couponCode) { id amountCents status couponCode }
}`;

const chargesOf = (orderId: string) => stripe.charges.filter((charge) => charge.metadata.orderId === orderId);

/**
 * Sends payOrder by card with the charge held up at the provider; resolves once the charge is
 * there (the pivot), with the reply still to come.
 */
async function payWithSlowCharge(system: TestSystem, sale: Sale, delayMs: number) {
  stripe.delayMs = delayMs;
  const reply = system.graphql<any>(
    PAY_ONLY,
    { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
    { token: sale.buyer.token },
  );
  reply.finally(() => (stripe.delayMs = 0)).catch(() => undefined);
  await eventually(async () => (chargesOf(sale.orderId).length > 0 ? true : undefined), 5000, 'the charge');
  return { reply };
}

describe('when orders goes down around a payment', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({
      ...stripeEnv(stripe),
      RESERVATION_WINDOW_SECONDS: '3',
    });
  });
  afterAll(() => system?.close());

  it('says PROCESSING, never SUCCEEDED, while the charge cannot be confirmed; the held order completes when orders is back, and a retry answers the same payment', async () => {
    const sale = await reservedSale(system, 1500);
    const { reply } = await payWithSlowCharge(system, sale, 3000);
    // The pivot has passed: the card is being charged. Orders dies before it hears of it.
    await system.stopSubgraph('orders');
    const { body } = await reply;
    expect(body.errors).toBeUndefined();
    expect(body.data.payOrder).toMatchObject({ status: 'PROCESSING', amountCents: 1500 });
    const paymentId = body.data.payOrder.id;

    // Orders comes back after the reservation has run out: the hold keeps the sweep away.
    await sleep(3000);
    await system.restartSubgraph('orders');
    const order = await orderReads(system, sale, 'COMPLETE');
    expect(order.payment.id).toBe(paymentId);

    const retry = await eventually(async () => {
      const again = await system.graphql<any>(
        PAY,
        { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
        { token: sale.buyer.token },
      );
      expect(again.body.data?.payOrder?.id).toBe(paymentId);
      return again.body.data.payOrder.status === 'SUCCEEDED' ? again.body.data.payOrder : undefined;
    });
    expect(retry).toMatchObject({ id: paymentId, status: 'SUCCEEDED', order: { status: 'COMPLETE' } });
    expect(chargesOf(sale.orderId)).toHaveLength(1);
    expect(stripe.refunds.filter((refund) => refund.paymentIntent === chargesOf(sale.orderId)[0]!.id)).toEqual([]);
  });
});

describe('when the payments database goes away right after a charge is recorded', () => {
  let system: TestSystem;
  let proxy: TcpProxy;
  beforeAll(async () => {
    proxy = await startTcpProxy(DATABASE_URL);
    system = await startTestSystem(stripeEnv(stripe), {
      subgraphEnv: { payments: { DATABASE_URL: proxy.wrap(DATABASE_URL) } },
    });
  });
  afterAll(async () => {
    await proxy?.resume();
    await system?.close();
    await proxy?.cut();
  });

  it('answers PROCESSING, not an error, and a retry answers that same payment once the order completes', async () => {
    const sale = await reservedSale(system, 2100);
    const orders = databaseOf(system, 'orders');
    const payments = databaseOf(system, 'payments');
    await Promise.all([orders.connect(), payments.connect()]);
    try {
      const { reply } = await payWithSlowCharge(system, sale, 800);
      // Orders holds its word a while (its row is locked), so payOrder is still waiting for it
      // when the database goes.
      await orders.query('BEGIN');
      await orders.query('SELECT id FROM orders WHERE id = $1 FOR UPDATE', [sale.orderId]);
      const paymentId = await eventually(async () => {
        const { rows } = await payments.query('SELECT id FROM payments WHERE order_id = $1', [sale.orderId]);
        return rows[0]?.id as string | undefined;
      });
      await proxy.cut();
      const { body } = await reply;
      expect(body.errors).toBeUndefined();
      expect(body.data.payOrder).toMatchObject({ id: paymentId, status: 'PROCESSING' });

      await proxy.resume();
      await orders.query('COMMIT');
      const retry = await eventually(
        async () => {
          const again = await system.graphql<any>(
            PAY,
            { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
            { token: sale.buyer.token },
          );
          const answer = again.body.data?.payOrder;
          if (answer) expect(answer.id).toBe(paymentId);
          return answer?.status === 'SUCCEEDED' ? answer : undefined;
        },
        15_000,
        'the retry to say SUCCEEDED',
      );
      expect(retry).toMatchObject({ id: paymentId, amountCents: 2100, order: { status: 'COMPLETE' } });
      expect(chargesOf(sale.orderId)).toHaveLength(1);
    } finally {
      await orders.query('ROLLBACK').catch(() => undefined);
      await Promise.all([orders.end(), payments.end()]);
    }
  });
});

/** An admin's coupon: `percentOff` off, one redemption. */
async function makeCoupon(system: TestSystem, admin: Actor, percentOff: number): Promise<string> {
  const made = await system.graphql<any>(
    `mutation ($percentOff: Int!) { createCoupon(input: { percentOff: $percentOff, maxRedemptions: 1 }) { code } }`,
    { percentOff },
    { token: admin.token },
  );
  return made.body.data.createCoupon.code;
}

async function redemptionsOf(system: TestSystem, admin: Actor, code: string): Promise<number | undefined> {
  const { body } = await system.graphql<any>(
    `query { coupons { nodes { code redemptions } } }`,
    {},
    { token: admin.token },
  );
  return body.data.coupons.nodes.find((coupon: { code: string }) => coupon.code === code)?.redemptions;
}

describe('when orders is down before a payment starts', () => {
  let system: TestSystem;
  let admin: Actor;
  beforeAll(async () => {
    system = await startTestSystem(stripeEnv(stripe));
    admin = await signUpAdmin(system);
  });
  afterAll(() => system?.close());

  it('charges no card and says SERVICE_UNAVAILABLE while orders cannot hold the order; the coupon is not used up', async () => {
    const code = await makeCoupon(system, admin, 50);
    const sale = await reservedSale(system, 900);
    await system.stopSubgraph('orders');
    const refused = await system.graphql<any>(
      PAY_ONLY,
      { orderId: sale.orderId, paymentMethodId: GOOD_CARD, couponCode: code },
      { token: sale.buyer.token },
    );
    expect(refused.body.data?.payOrder ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(chargesOf(sale.orderId)).toEqual([]);
    expect(await redemptionsOf(system, admin, code)).toBe(0);

    await system.restartSubgraph('orders');
    const paid = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, paymentMethodId: GOOD_CARD, couponCode: code },
      { token: sale.buyer.token },
    );
    expect(paid.body.errors).toBeUndefined();
    expect(paid.body.data.payOrder).toMatchObject({ status: 'SUCCEEDED', amountCents: 450, couponCode: code });
    expect(chargesOf(sale.orderId)).toHaveLength(1);
  });

  it('records a 100% coupon payment all the same, answering PROCESSING; the order completes once orders is back, and paying again answers SUCCEEDED, the same payment', async () => {
    const code = await makeCoupon(system, admin, 100);
    const sale = await reservedSale(system, 700);
    await system.stopSubgraph('orders');
    const { body } = await system.graphql<any>(
      PAY_ONLY,
      { orderId: sale.orderId, couponCode: code },
      { token: sale.buyer.token },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.payOrder).toMatchObject({ status: 'PROCESSING', amountCents: 0, couponCode: code });
    const paymentId = body.data.payOrder.id;

    await system.restartSubgraph('orders');
    const order = await orderReads(system, sale, 'COMPLETE');
    expect(order.payment.id).toBe(paymentId);
    const again = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, couponCode: code },
      { token: sale.buyer.token },
    );
    expect(again.body.data?.payOrder).toMatchObject({
      id: paymentId,
      status: 'SUCCEEDED',
      order: { status: 'COMPLETE' },
    });
    expect(await redemptionsOf(system, admin, code)).toBe(1);
    expect(chargesOf(sale.orderId)).toEqual([]);
  });
});

describe('a 100% coupon payment whose order runs out before orders completes it', () => {
  let system: TestSystem;
  let admin: Actor;
  beforeAll(async () => {
    system = await startTestSystem({ RESERVATION_WINDOW_SECONDS: '4' });
    admin = await signUpAdmin(system);
  });
  afterAll(() => system?.close());

  it('leaves the order CANCELLED and gives the coupon back; payOrder never says SUCCEEDED', async () => {
    const code = await makeCoupon(system, admin, 100);
    const sale = await reservedSale(system, 800);
    await system.stopSubgraph('orders');
    const reply = system.graphql<any>(
      PAY_ONLY,
      { orderId: sale.orderId, couponCode: code },
      { token: sale.buyer.token },
    );

    // Left to chance, orders coming back might complete the order before its expiry is handled
    // (the payment was in time: that ends well too). To tell this story, orders is kept from
    // applying the payment (its row of applied events is taken, uncommitted) until the order has
    // expired.
    const payments = databaseOf(system, 'payments');
    const orders = databaseOf(system, 'orders');
    await Promise.all([payments.connect(), orders.connect()]);
    try {
      const eventId = await eventually(async () => {
        const { rows } = await payments.query(
          `SELECT event_id FROM outbox WHERE event->>'type' = 'payment.succeeded' AND event->'data'->>'orderId' = $1`,
          [sale.orderId],
        );
        return rows[0]?.event_id as string | undefined;
      });
      await orders.query('BEGIN');
      await orders.query(`INSERT INTO processed_events (event_id, stream) VALUES ($1, 'payments')`, [eventId]);
      await system.restartSubgraph('orders');

      // Orders' word of the cancellation reaches the waiting payOrder in time (ORDER_NOT_PAYABLE)
      // or after its wait (PROCESSING), depending on how fast orders restarts: never SUCCEEDED.
      const answer = (await reply).body;
      if (answer.errors) expect(answer.errors[0]?.extensions?.code).toBe('ORDER_NOT_PAYABLE');
      else expect(answer.data.payOrder).toMatchObject({ status: 'PROCESSING', amountCents: 0 });
      await orderReads(system, sale, 'CANCELLED', 10_000);
      await eventually(async () => ((await redemptionsOf(system, admin, code)) === 0 ? true : undefined));

      await orders.query('ROLLBACK');
      await eventually(async () => {
        const { rows } = await orders.query('SELECT 1 FROM processed_events WHERE event_id = $1', [eventId]);
        return rows.length > 0 ? true : undefined;
      });
      await orderReads(system, sale, 'CANCELLED');
      const again = await system.graphql<any>(
        PAY,
        { orderId: sale.orderId, couponCode: code },
        { token: sale.buyer.token },
      );
      expect(again.body.errors?.[0]?.extensions?.code).toBe('ORDER_NOT_PAYABLE');
      expect(await redemptionsOf(system, admin, code)).toBe(0);
    } finally {
      await orders.query('ROLLBACK').catch(() => undefined);
      await Promise.all([payments.end(), orders.end()]);
    }
  });
});
