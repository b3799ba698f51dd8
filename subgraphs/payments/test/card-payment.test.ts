import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECLINED_CARD, GOOD_CARD, eventually, startStripeStandIn, type StripeStandIn } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { orderReads, PAY, reservedSale, stripeEnv } from './support/sale.js';

let stripe: StripeStandIn;
let system: TestSystem;
beforeAll(async () => {
  stripe = await startStripeStandIn();
  system = await startTestSystem(stripeEnv(stripe));
});
afterAll(async () => {
  await system?.close();
  await stripe?.close();
});

describe('paying by card', () => {
  it('charges one PaymentIntent with the amount, currency and an idempotency key; the order completes and the stuff is sold', async () => {
    const sale = await reservedSale(system, 2599);
    const { body } = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
      { token: sale.buyer.token },
    );
    expect(body.errors).toBeUndefined();
    const payment = body.data.payOrder;
    expect(payment).toMatchObject({ amountCents: 2599, currency: 'usd', status: 'SUCCEEDED', couponCode: null });
    const charges = stripe.charges.filter((charge) => charge.metadata.orderId === sale.orderId);
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({ amount: 2599, currency: 'usd', paymentMethod: GOOD_CARD, status: 'succeeded' });
    expect(charges[0]!.idempotencyKey).toMatch(new RegExp(sale.orderId));
    expect(payment.providerRef).toBe(charges[0]!.id);

    const completed = await orderReads(system, sale, 'COMPLETE');
    expect(completed.payment).toEqual({ id: payment.id, amountCents: 2599 });
    const sold = await eventually(async () => {
      const { body: read } = await system.graphql<any>(`query ($id: ID!) { stuff(id: $id) { availability } }`, {
        id: sale.stuffId,
      });
      return read.data.stuff.availability === 'SOLD' ? true : undefined;
    });
    expect(sold).toBe(true);

    // Safe to retry: paying a paid order again answers that same payment and charges nothing.
    const again = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
      { token: sale.buyer.token },
    );
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data.payOrder).toEqual(payment);
    expect(stripe.charges.filter((charge) => charge.metadata.orderId === sale.orderId)).toHaveLength(1);
  });

  it('gives PAYMENT_FAILED with the provider reason on a decline, and the order can be paid again', async () => {
    const sale = await reservedSale(system);
    const declined = await system.graphql(
      PAY,
      { orderId: sale.orderId, paymentMethodId: DECLINED_CARD },
      { token: sale.buyer.token },
    );
    expect(declined.body.errors).toEqual([
      { message: 'Your card was declined.', path: ['payOrder'], extensions: { code: 'PAYMENT_FAILED' } },
    ]);
    const state = await orderReads(system, sale, 'AWAITING_PAYMENT');
    expect(state.payment).toBeNull();
    const paid = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
      { token: sale.buyer.token },
    );
    expect(paid.body.data.payOrder.status).toBe('SUCCEEDED');
    await orderReads(system, sale, 'COMPLETE');
    const keys = stripe.charges
      .filter((charge) => charge.metadata.orderId === sale.orderId)
      .map((charge) => charge.idempotencyKey);
    expect(new Set(keys).size).toBe(2); // a new attempt gets a new key
  });

  it('refuses anyone but the buyer with FORBIDDEN and charges nothing', async () => {
    const sale = await reservedSale(system);
    for (const actor of [sale.seller]) {
      const { body } = await system.graphql(
        PAY,
        { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
        { token: actor.token },
      );
      expect(body.errors).toEqual([{ message: 'Forbidden', path: ['payOrder'], extensions: { code: 'FORBIDDEN' } }]);
    }
    expect(stripe.charges.filter((charge) => charge.metadata.orderId === sale.orderId)).toHaveLength(0);
  });

  it('refuses a cancelled order with ORDER_NOT_PAYABLE once payments has heard of the cancellation', async () => {
    const sale = await reservedSale(system);
    await system.graphql(
      `mutation ($id: ID!) { cancelOrder(id: $id) { id } }`,
      { id: sale.orderId },
      { token: sale.buyer.token },
    );
    // The news travels as an event (milliseconds); give it ample time rather than racing it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { body } = await system.graphql(
      PAY,
      { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
      { token: sale.buyer.token },
    );
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'ORDER_NOT_PAYABLE' });
    expect(body.errors?.[0]?.message).toContain('CANCELLED');
    expect(stripe.charges.filter((charge) => charge.metadata.orderId === sale.orderId)).toHaveLength(0);
  });

  it('never leaves an order both paid and released when payment races the cancellation', async () => {
    const sale = await reservedSale(system);
    const [, paid] = await Promise.all([
      system.graphql(
        `mutation ($id: ID!) { cancelOrder(id: $id) { id } }`,
        { id: sale.orderId },
        { token: sale.buyer.token },
      ),
      system.graphql<any>(PAY, { orderId: sale.orderId, paymentMethodId: GOOD_CARD }, { token: sale.buyer.token }),
    ]);
    const order = await orderReads(system, sale, 'CANCELLED');
    expect(order.stuff.availability).toBe('AVAILABLE');
    const charges = stripe.charges.filter((charge) => charge.metadata.orderId === sale.orderId);
    expect(charges.length).toBeLessThanOrEqual(1);
    if (charges.length === 1) {
      // The charge went through before the news arrived: it must be given back.
      await eventually(async () =>
        stripe.refunds.some((refund) => refund.paymentIntent === charges[0]!.id) ? true : undefined,
      );
    } else {
      expect(paid.body.errors?.[0]?.extensions?.code).toBe('ORDER_NOT_PAYABLE');
    }
  });

  it('says NOT_FOUND for an unknown order and PAYMENT_FAILED when no payment method is given', async () => {
    const sale = await reservedSale(system);
    const unknown = await system.graphql(
      PAY,
      { orderId: '00000000-0000-4000-8000-000000000000' },
      { token: sale.buyer.token },
    );
    expect(unknown.body.errors?.[0]).toMatchObject({ message: 'Order not found', extensions: { code: 'NOT_FOUND' } });
    const without = await system.graphql(PAY, { orderId: sale.orderId }, { token: sale.buyer.token });
    expect(without.body.errors?.[0]).toMatchObject({
      message: 'A payment method is needed to pay 20.00 USD',
      extensions: { code: 'PAYMENT_FAILED' },
    });
  });
});

describe('paying when the provider cannot be reached', () => {
  let offline: TestSystem;
  beforeAll(async () => {
    offline = await startTestSystem({ STRIPE_SECRET_KEY: 'sk_test_unreachable', STRIPE_API_URL: 'http://127.0.0.1:1' });
  });
  afterAll(() => offline?.close());

  it('gives PAYMENT_FAILED and records nothing as paid', async () => {
    const sale = await reservedSale(offline);
    const { body } = await offline.graphql(
      PAY,
      { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
      { token: sale.buyer.token },
    );
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'PAYMENT_FAILED' });
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    const state = await orderReads(offline, sale, 'AWAITING_PAYMENT');
    expect(state.payment).toBeNull();
  });
});

describe('paying an order whose reservation expired', () => {
  let short: TestSystem;
  beforeAll(async () => {
    short = await startTestSystem({ ...stripeEnv(stripe), RESERVATION_WINDOW_SECONDS: '1' });
  });
  afterAll(() => short?.close());

  it('is refused with ORDER_NOT_PAYABLE and charges nothing', async () => {
    const sale = await reservedSale(short);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    const { body } = await short.graphql(
      PAY,
      { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
      { token: sale.buyer.token },
    );
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'ORDER_NOT_PAYABLE' });
    expect(body.errors?.[0]?.message).toContain('CANCELLED');
    expect(stripe.charges.filter((charge) => charge.metadata.orderId === sale.orderId)).toHaveLength(0);
  });
});
