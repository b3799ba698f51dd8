import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  GOOD_CARD,
  startStripeStandIn,
  THREE_D_SECURE_CARD,
  type StripeStandIn,
} from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { databaseOf, PAY, reservedSale, stripeEnv, type Sale } from './support/sale.js';

let stripe: StripeStandIn;
beforeAll(async () => {
  stripe = await startStripeStandIn();
});
afterAll(() => stripe?.close());

const chargesOf = (orderId: string) => stripe.charges.filter((charge) => charge.metadata.orderId === orderId);

/**
 * Keeps orders from holding (or completing) the order while `run` runs: orders' handling of
 * payment.started waits for this row lock. `run` hands back the reply still to come.
 */
async function withOrdersHeldBack<T>(system: TestSystem, sale: Sale, run: () => Promise<T>): Promise<T> {
  const orders = databaseOf(system, 'orders');
  await orders.connect();
  try {
    await orders.query('BEGIN');
    await orders.query('SELECT id FROM orders WHERE id = $1 FOR UPDATE', [sale.orderId]);
    return await run();
  } finally {
    await orders.query('ROLLBACK').catch(() => undefined);
    await orders.end();
  }
}

async function orderRowOf(system: TestSystem, sale: Sale): Promise<{ status: string; held_by: string | null }> {
  const orders = databaseOf(system, 'orders');
  await orders.connect();
  try {
    return (await orders.query('SELECT status, held_by FROM orders WHERE id = $1', [sale.orderId])).rows[0];
  } finally {
    await orders.end();
  }
}

describe('a card payment while the reservation is far from its end', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem(stripeEnv(stripe));
  });
  afterAll(() => system?.close());

  it('is charged without asking orders to hold the order first, and the order completes', async () => {
    const sale = await reservedSale(system, 1500);
    const { answer } = await withOrdersHeldBack(system, sale, async () => {
      const reply = system.graphql<any>(
        PAY,
        { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
        { token: sale.buyer.token },
      );
      await eventually(async () => (chargesOf(sale.orderId).length > 0 ? true : undefined), 2500, 'the charge');
      return { answer: reply };
    });
    const reply = await answer;
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data.payOrder).toMatchObject({ status: 'SUCCEEDED', order: { status: 'COMPLETE' } });
    expect(await orderRowOf(system, sale)).toEqual({ status: 'COMPLETE', held_by: null });
    expect(chargesOf(sale.orderId)).toHaveLength(1);
    expect(stripe.refunds).toEqual([]);
  });

  it('has orders hold the order once the bank asks the buyer to confirm, since the confirmation may come late', async () => {
    const sale = await reservedSale(system, 1500);
    const { body } = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, paymentMethodId: THREE_D_SECURE_CARD },
      { token: sale.buyer.token },
    );
    expect(body.data.payOrder).toMatchObject({ status: 'REQUIRES_ACTION' });
    const held = await eventually(async () => {
      const row = await orderRowOf(system, sale);
      return row.held_by ? row : undefined;
    });
    expect(held.status).toBe('AWAITING_PAYMENT');
  });

  it('has orders hold the order when the provider’s reply is lost, since its webhook may come late', async () => {
    const sale = await reservedSale(system, 1500);
    stripe.dropResponses = true;
    try {
      const { body } = await system.graphql<any>(
        PAY,
        { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
        { token: sale.buyer.token },
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('PAYMENT_FAILED');
    } finally {
      stripe.dropResponses = false;
    }
    const held = await eventually(async () => {
      const row = await orderRowOf(system, sale);
      return row.held_by ? row : undefined;
    });
    expect(held.status).toBe('AWAITING_PAYMENT');
  });
});

describe('a card payment while the reservation nears its end', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // Less than CHARGE_OUTLASTED_MS (about 51 s) is left from the BUY on.
    system = await startTestSystem({ ...stripeEnv(stripe), RESERVATION_WINDOW_SECONDS: '30' });
  });
  afterAll(() => system?.close());

  it('charges nothing until orders holds the order, then completes it', async () => {
    const sale = await reservedSale(system, 1500);
    const { answer } = await withOrdersHeldBack(system, sale, async () => {
      const reply = system.graphql<any>(
        PAY,
        { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
        { token: sale.buyer.token },
      );
      await sleep(1000);
      expect(chargesOf(sale.orderId)).toEqual([]);
      return { answer: reply };
    });
    const reply = await answer;
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data.payOrder).toMatchObject({ status: 'SUCCEEDED', order: { status: 'COMPLETE' } });
    expect(chargesOf(sale.orderId)).toHaveLength(1);
  });
});
