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
 * payOrder by card while orders cannot hold (or complete) the order: orders' handling of the
 * payment's events waits for a lock on its row, taken here, until `meanwhile` has looked.
 */
async function payWhileOrdersHeldBack(system: TestSystem, sale: Sale, meanwhile: () => Promise<void>) {
  const orders = databaseOf(system, 'orders');
  await orders.connect();
  let reply: Promise<any>;
  try {
    await orders.query('BEGIN');
    await orders.query('SELECT id FROM orders WHERE id = $1 FOR UPDATE', [sale.orderId]);
    reply = system.graphql<any>(
      PAY,
      { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
      { token: sale.buyer.token },
    );
    await meanwhile();
  } finally {
    await orders.query('ROLLBACK').catch(() => undefined);
    await orders.end();
  }
  return reply;
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

/** Orders' row of the order once orders holds it for an attempt. */
function heldOrderRow(system: TestSystem, sale: Sale) {
  return eventually(async () => {
    const row = await orderRowOf(system, sale);
    return row.held_by ? row : undefined;
  });
}

describe('a card payment while the reservation is far from its end', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem(stripeEnv(stripe));
  });
  afterAll(() => system?.close());

  it('is charged without asking orders to hold the order first, and the order completes', async () => {
    const sale = await reservedSale(system, 1500);
    const reply = await payWhileOrdersHeldBack(system, sale, async () => {
      await eventually(async () => (chargesOf(sale.orderId).length > 0 ? true : undefined), 2500, 'the charge');
    });
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
    expect(await heldOrderRow(system, sale)).toMatchObject({ status: 'AWAITING_PAYMENT' });
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
    expect(await heldOrderRow(system, sale)).toMatchObject({ status: 'AWAITING_PAYMENT' });
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
    const reply = await payWhileOrdersHeldBack(system, sale, async () => {
      await sleep(1000);
      expect(chargesOf(sale.orderId)).toEqual([]);
    });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data.payOrder).toMatchObject({ status: 'SUCCEEDED', order: { status: 'COMPLETE' } });
    expect(chargesOf(sale.orderId)).toHaveLength(1);
  });
});
