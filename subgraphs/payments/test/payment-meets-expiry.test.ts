import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECLINED_CARD, GOOD_CARD, startStripeStandIn, type StripeStandIn } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { orderReads, PAY, reservedSale, stripeEnv } from './support/sale.js';

let stripe: StripeStandIn;
beforeAll(async () => {
  stripe = await startStripeStandIn();
});
afterAll(() => stripe?.close());

describe('a payment started before the expiry whose charge lands after it', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // Roomy enough that payOrder starts before expiresAt even on a busy machine.
    system = await startTestSystem({ ...stripeEnv(stripe), RESERVATION_WINDOW_SECONDS: '4' });
  });
  afterAll(() => system?.close());

  it('completes the order: orders holds it for the payment, so the charge and the expiry never cross', async () => {
    const sale = await reservedSale(system);
    stripe.delayMs = 4500; // the charge lands after expiresAt
    let reply;
    try {
      reply = await system.graphql<any>(
        PAY,
        { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
        { token: sale.buyer.token },
      );
    } finally {
      stripe.delayMs = 0;
    }
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data.payOrder).toMatchObject({ status: 'SUCCEEDED', order: { status: 'COMPLETE' } });
    const order = await orderReads(system, sale, 'COMPLETE');
    expect(order.payment.id).toBe(reply.body.data.payOrder.id);
    expect(order.stuff.availability).toBe('SOLD');
    const charges = stripe.charges.filter((c) => c.metadata.orderId === sale.orderId);
    expect(charges).toHaveLength(1);
    expect(stripe.refunds.filter((refund) => refund.paymentIntent === charges[0]!.id)).toEqual([]);
  });

  it('lets go of the hold when the card is declined, so the order still expires on time', async () => {
    const sale = await reservedSale(system);
    const declined = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, paymentMethodId: DECLINED_CARD },
      { token: sale.buyer.token },
    );
    expect(declined.body.errors?.[0]?.extensions?.code).toBe('PAYMENT_FAILED');
    // Held, it would stay reserved for PAYMENT_HOLD_SECONDS (two minutes) past its expiry.
    // Expiry within the window plus the contract's 2 s.
    const order = await orderReads(system, sale, 'CANCELLED', 4000 + 2000 + 2000);
    expect(order.stuff.availability).toBe('AVAILABLE');
  });
});

describe('a Stripe webhook whose handling failed', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem(stripeEnv(stripe));
  });
  afterAll(() => system?.close());

  it('is handled when Stripe sends it again: the charge is recorded once and the order completes', async () => {
    const sale = await reservedSale(system, 777);
    stripe.dropResponses = true;
    try {
      await system.graphql(PAY, { orderId: sale.orderId, paymentMethodId: GOOD_CARD }, { token: sale.buyer.token });
    } finally {
      stripe.dropResponses = false;
    }
    const [charge] = stripe.charges.filter((c) => c.metadata.orderId === sale.orderId);
    // The database refuses the first attempt to record a payment, as a crash or an outage would.
    const db = new pg.Client({
      connectionString: `postgres://postgres@127.0.0.1:5432/${system.env.STUFFMART_NAMESPACE}_payments`,
    });
    await db.connect();
    try {
      await db.query(`
        CREATE SEQUENCE fault_calls; -- not rolled back with the failing transaction
        CREATE FUNCTION fail_once() RETURNS trigger AS $$
        BEGIN
          IF nextval('fault_calls') = 1 THEN RAISE EXCEPTION 'injected failure'; END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql;
        CREATE TRIGGER fail_once BEFORE INSERT ON payments FOR EACH ROW EXECUTE FUNCTION fail_once();`);
      const webhook = stripe.webhook('payment_intent.succeeded', charge!);
      const post = () =>
        fetch(`${system.origin}/webhooks/stripe`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'stripe-signature': webhook.signature },
          body: webhook.payload,
        });
      expect((await post()).status).toBe(500);
      expect((await post()).status).toBe(200);
      const order = await orderReads(system, sale, 'COMPLETE');
      expect(order.payment.amountCents).toBe(777);
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM payments WHERE order_id = $1 AND status = 'SUCCEEDED'`,
        [sale.orderId],
      );
      expect(rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
  });
});
