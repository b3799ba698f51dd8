import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@stuffmart/test-kit';
import { signUpAdmin, startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { orderReads, PAY, reservedSale } from './support/sale.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function paymentsDatabase(system: TestSystem): pg.Client {
  const url = new URL(DATABASE_URL);
  url.pathname = `/${system.env.STUFFMART_NAMESPACE}_payments`;
  return new pg.Client({ connectionString: url.toString() });
}

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

describe('payOrder waiting for orders’ word on the completion', () => {
  it('answers SUCCEEDED once orders’ order.completed is read, while payments’ own copy has yet to apply it', async () => {
    const admin = await signUpAdmin(system);
    const made = await system.graphql<any>(
      `mutation { createCoupon(input: { percentOff: 100, maxRedemptions: 1 }) { code } }`,
      {},
      { token: admin.token },
    );
    const code = made.body.data.createCoupon.code;
    const sale = await reservedSale(system);
    const payments = paymentsDatabase(system);
    await payments.connect();
    try {
      await eventually(async () => {
        const { rows } = await payments.query('SELECT 1 FROM order_copies WHERE id = $1', [sale.orderId]);
        return rows.length > 0 ? true : undefined;
      });
      // Payments' consumer cannot apply anything now: its transaction records the event in
      // processed_events first, and waits for this lock. payOrder itself never writes there.
      await payments.query('BEGIN');
      await payments.query('LOCK TABLE processed_events IN EXCLUSIVE MODE');

      const reply = await system.graphql<any>(
        PAY,
        { orderId: sale.orderId, couponCode: code },
        { token: sale.buyer.token },
      );
      expect(reply.body.errors).toBeUndefined();
      expect(reply.body.data.payOrder).toMatchObject({
        status: 'SUCCEEDED',
        amountCents: 0,
        order: { status: 'COMPLETE' },
      });
      const copy = paymentsDatabase(system);
      await copy.connect();
      const { rows } = await copy.query('SELECT status FROM order_copies WHERE id = $1', [sale.orderId]);
      await copy.end();
      expect(rows[0]?.status).toBe('AWAITING_PAYMENT');

      await payments.query('ROLLBACK');
      await eventually(async () => {
        const { rows: applied } = await payments.query('SELECT status FROM order_copies WHERE id = $1', [sale.orderId]);
        return applied[0]?.status === 'COMPLETE' ? true : undefined;
      });
      const order = await orderReads(system, sale, 'COMPLETE');
      expect(order.payment.id).toBe(reply.body.data.payOrder.id);
    } finally {
      await payments.query('ROLLBACK').catch(() => undefined);
      await payments.end();
    }
  });
});
