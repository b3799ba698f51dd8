import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, GOOD_CARD, startStripeStandIn, type StripeStandIn } from '@stuffmart/test-kit';
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

function postWebhook(payload: string, signature?: string) {
  return fetch(`${system.origin}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
    body: payload,
  });
}

const chargesOf = (orderId: string) => stripe.charges.filter((charge) => charge.metadata.orderId === orderId);

describe('never charging twice', () => {
  it('charges once when the same payOrder is sent twice at once', async () => {
    const sale = await reservedSale(system);
    const results = await Promise.all(
      [1, 2].map(() =>
        system.graphql<any>(PAY, { orderId: sale.orderId, paymentMethodId: GOOD_CARD }, { token: sale.buyer.token }),
      ),
    );
    expect(chargesOf(sale.orderId)).toHaveLength(1);
    const payments = results.map((result) => result.body.data?.payOrder?.id).filter(Boolean);
    expect(payments.length).toBeGreaterThanOrEqual(1);
    expect(new Set(payments).size).toBe(1);
    await orderReads(system, sale, 'COMPLETE');
  });

  it('records a charge once from the signed webhook when the process lost the reply, and the order completes', async () => {
    const sale = await reservedSale(system, 1234);
    stripe.dropResponses = true;
    let reply;
    try {
      reply = await system.graphql<any>(
        PAY,
        { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
        { token: sale.buyer.token },
      );
    } finally {
      stripe.dropResponses = false;
    }
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('PAYMENT_FAILED');
    const [charge] = chargesOf(sale.orderId);
    expect(chargesOf(sale.orderId)).toHaveLength(1);
    expect((await orderReads(system, sale, 'AWAITING_PAYMENT')).payment).toBeNull();

    const webhook = stripe.webhook('payment_intent.succeeded', charge!);
    expect((await postWebhook(webhook.payload, webhook.signature)).status).toBe(200);
    expect((await postWebhook(webhook.payload, webhook.signature)).status).toBe(200); // Stripe may send it twice
    const order = await orderReads(system, sale, 'COMPLETE');
    expect(order.payment.amountCents).toBe(1234);

    // Paying again now answers the payment the webhook recorded, and never reaches Stripe again.
    const again = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
      { token: sale.buyer.token },
    );
    expect(again.body.data?.payOrder).toMatchObject({ id: order.payment.id, status: 'SUCCEEDED', amountCents: 1234 });
    expect(chargesOf(sale.orderId)).toHaveLength(1);
  });

  it('finishes an attempt whose reply was lost by re-sending it with the same key, not charging again', async () => {
    const sale = await reservedSale(system);
    stripe.dropResponses = true;
    try {
      await system.graphql(PAY, { orderId: sale.orderId, paymentMethodId: GOOD_CARD }, { token: sale.buyer.token });
    } finally {
      stripe.dropResponses = false;
    }
    const retry = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
      { token: sale.buyer.token },
    );
    expect(retry.body.data.payOrder.status).toBe('SUCCEEDED');
    expect(chargesOf(sale.orderId)).toHaveLength(1);
    expect(retry.body.data.payOrder.providerRef).toBe(chargesOf(sale.orderId)[0]!.id);
  });

  it('answers a webhook with a bad or missing signature 400 and changes nothing', async () => {
    const sale = await reservedSale(system);
    const fake = {
      id: 'pi_forged',
      amount: 1,
      currency: 'usd',
      paymentMethod: GOOD_CARD,
      metadata: { orderId: sale.orderId, attemptId: '00000000-0000-4000-8000-000000000000' },
      idempotencyKey: undefined,
      status: 'succeeded' as const,
    };
    const webhook = stripe.webhook('payment_intent.succeeded', fake);
    expect((await postWebhook(webhook.payload)).status).toBe(400);
    expect((await postWebhook(webhook.payload, webhook.signature.replace(/v1=\w+/, 'v1=deadbeef'))).status).toBe(400);
    expect((await postWebhook(webhook.payload.replace('"amount":1', '"amount":2'), webhook.signature)).status).toBe(
      400,
    );
    expect((await orderReads(system, sale, 'AWAITING_PAYMENT')).payment).toBeNull();
  });
});

describe('a charge that outlives the reservation and the hold orders keeps for it', () => {
  let slow: TestSystem;
  beforeAll(async () => {
    slow = await startTestSystem({ ...stripeEnv(stripe), RESERVATION_WINDOW_SECONDS: '2', PAYMENT_HOLD_SECONDS: '1' });
  });
  afterAll(() => slow?.close());

  it('is refunded, the order stays cancelled and the stuff available', async () => {
    const sale = await reservedSale(slow);
    stripe.delayMs = 3500;
    let reply;
    try {
      reply = await slow.graphql<any>(
        PAY,
        { orderId: sale.orderId, paymentMethodId: GOOD_CARD },
        { token: sale.buyer.token },
      );
    } finally {
      stripe.delayMs = 0;
    }
    const [charge] = stripe.charges.filter((c) => c.metadata.orderId === sale.orderId);
    expect(charge?.status).toBe('succeeded');
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('ORDER_NOT_PAYABLE');
    await eventually(async () =>
      stripe.refunds.some((refund) => refund.paymentIntent === charge!.id) ? true : undefined,
    );
    expect(stripe.refunds.filter((refund) => refund.paymentIntent === charge!.id)).toHaveLength(1);
    const order = await orderReads(slow, sale, 'CANCELLED');
    expect(order.stuff.availability).toBe('AVAILABLE');
  });
});
