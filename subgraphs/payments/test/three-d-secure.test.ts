import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DECLINED_CARD,
  GOOD_CARD,
  THREE_D_SECURE_CARD,
  signUpActor,
  startStripeStandIn,
  type StripeStandIn,
} from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { orderReads, reservedSale, stripeEnv, type Sale } from './support/sale.js';

const PAY = `mutation ($orderId: ID!, $paymentMethodId: String) {
  payOrder(orderId: $orderId, paymentMethodId: $paymentMethodId) {
    id amountCents currency status providerRef clientSecret
  }
}`;
const ORDER_PAYMENT = `query ($id: ID!) { order(id: $id) { status payment { id status clientSecret } stuff { availability } } }`;

let stripe: StripeStandIn;
let system: TestSystem;
beforeAll(async () => {
  stripe = await startStripeStandIn();
  system = await startTestSystem(stripeEnv(stripe));
  stripe.webhookUrl = `${system.origin}/webhooks/stripe`;
});
afterAll(async () => {
  await system?.close();
  await stripe?.close();
});

function chargesOf(orderId: string) {
  return stripe.charges.filter((charge) => charge.metadata.orderId === orderId);
}

function pay(sale: Sale, paymentMethodId: string) {
  return system.graphql<any>(PAY, { orderId: sale.orderId, paymentMethodId }, { token: sale.buyer.token });
}

/** Pays with the 3-D Secure card: the answer asks the buyer to confirm with the bank. */
async function payAwaitingAction(sale: Sale) {
  const { body } = await pay(sale, THREE_D_SECURE_CARD);
  expect(body.errors).toBeUndefined();
  const [intent] = chargesOf(sale.orderId);
  expect(body.data.payOrder).toMatchObject({
    amountCents: 2000,
    currency: 'usd',
    status: 'REQUIRES_ACTION',
    providerRef: intent!.id,
    clientSecret: intent!.clientSecret,
  });
  return intent!;
}

describe('a card that needs 3-D Secure', () => {
  it('answers REQUIRES_ACTION with the client secret; the order stays awaiting payment and the stuff reserved', async () => {
    const sale = await reservedSale(system);
    await payAwaitingAction(sale);
    const order = await orderReads(system, sale, 'AWAITING_PAYMENT');
    expect(order.payment).toBeNull();
    expect(order.stuff.availability).toBe('RESERVED');

    // Asking again before the buyer confirmed asks Stripe how it stands: the same intent, no new one.
    const again = await pay(sale, THREE_D_SECURE_CARD);
    expect(again.body.data.payOrder.status).toBe('REQUIRES_ACTION');
    expect(chargesOf(sale.orderId)).toHaveLength(1);
  });

  it('answers a double click with the same REQUIRES_ACTION, one intent', async () => {
    const sale = await reservedSale(system);
    stripe.delayMs = 300;
    let answers;
    try {
      answers = await Promise.all([pay(sale, THREE_D_SECURE_CARD), pay(sale, THREE_D_SECURE_CARD)]);
    } finally {
      stripe.delayMs = 0;
    }
    const [intent] = chargesOf(sale.orderId);
    expect(chargesOf(sale.orderId)).toHaveLength(1);
    for (const { body } of answers) {
      expect(body.errors).toBeUndefined();
      expect(body.data.payOrder).toMatchObject({ status: 'REQUIRES_ACTION', clientSecret: intent!.clientSecret });
    }
  });

  it("completes the order once the buyer confirms and Stripe's webhook arrives, charged once", async () => {
    const sale = await reservedSale(system);
    const intent = await payAwaitingAction(sale);
    expect(await stripe.confirmAction(intent)).toBe(200);

    const { body } = await system.graphql<any>(ORDER_PAYMENT, { id: sale.orderId }, { token: sale.buyer.token });
    const order = await orderReads(system, sale, 'COMPLETE');
    expect(order.stuff.availability).toBe('SOLD');
    expect(body.errors).toBeUndefined();

    // A later payOrder answers the payment the webhook recorded, and charges nothing more.
    const later = await pay(sale, THREE_D_SECURE_CARD);
    expect(later.body.errors).toBeUndefined();
    expect(later.body.data.payOrder).toMatchObject({
      id: order.payment.id,
      status: 'SUCCEEDED',
      providerRef: intent.id,
      clientSecret: null,
    });
    expect(chargesOf(sale.orderId)).toHaveLength(1);
    expect(chargesOf(sale.orderId)[0]!.status).toBe('succeeded');

    // Once paid, the secret is not shown any more.
    const read = await system.graphql<any>(ORDER_PAYMENT, { id: sale.orderId }, { token: sale.buyer.token });
    expect(read.body.data.order.payment).toEqual({ id: order.payment.id, status: 'SUCCEEDED', clientSecret: null });
  });

  it('completes the order when a payOrder after the confirmation finds the intent succeeded before the webhook', async () => {
    const sale = await reservedSale(system);
    const intent = await payAwaitingAction(sale);
    // The buyer confirmed, but the webhook has not arrived (yet): Stripe says succeeded.
    intent.status = 'succeeded';
    const later = await pay(sale, THREE_D_SECURE_CARD);
    expect(later.body.errors).toBeUndefined();
    expect(later.body.data.payOrder).toMatchObject({ status: 'SUCCEEDED', providerRef: intent.id, clientSecret: null });
    await orderReads(system, sale, 'COMPLETE');

    // The webhook arriving afterwards changes nothing.
    const webhook = stripe.webhook('payment_intent.succeeded', intent);
    const response = await fetch(stripe.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': webhook.signature },
      body: webhook.payload,
    });
    expect(response.status).toBe(200);
    const again = await pay(sale, GOOD_CARD);
    expect(again.body.data.payOrder.id).toBe(later.body.data.payOrder.id);
    expect(chargesOf(sale.orderId)).toHaveLength(1);
  });

  it('leaves the order payable when the bank refuses the confirmation, and another card pays it', async () => {
    const sale = await reservedSale(system);
    const intent = await payAwaitingAction(sale);
    expect(await stripe.failAction(intent)).toBe(200);

    const declined = await pay(sale, DECLINED_CARD);
    expect(declined.body.errors?.[0]?.extensions?.code).toBe('PAYMENT_FAILED');
    const paid = await pay(sale, GOOD_CARD);
    expect(paid.body.errors).toBeUndefined();
    expect(paid.body.data.payOrder).toMatchObject({ status: 'SUCCEEDED', clientSecret: null });
    const order = await orderReads(system, sale, 'COMPLETE');
    expect(order.payment.id).toBe(paid.body.data.payOrder.id);
    const charges = chargesOf(sale.orderId);
    expect(charges.map((charge) => charge.status)).toEqual([
      'requires_payment_method',
      'requires_payment_method',
      'succeeded',
    ]);
  });

  it('starts over when the bank refused the confirmation before its webhook arrived and the buyer tries again', async () => {
    const sale = await reservedSale(system);
    const refused = await payAwaitingAction(sale);
    refused.status = 'requires_payment_method'; // refused at the bank; Stripe's webhook is still on its way

    const again = await pay(sale, THREE_D_SECURE_CARD);
    expect(again.body.errors).toBeUndefined();
    const [, second] = chargesOf(sale.orderId);
    expect(again.body.data.payOrder).toMatchObject({
      status: 'REQUIRES_ACTION',
      providerRef: second!.id,
      clientSecret: second!.clientSecret,
    });
    expect(await stripe.confirmAction(second!)).toBe(200);
    await orderReads(system, sale, 'COMPLETE');
    expect(chargesOf(sale.orderId).map((charge) => charge.status)).toEqual(['requires_payment_method', 'succeeded']);
  });

  it('gives up the waiting intent when the buyer pays with another card instead, so only one is ever charged', async () => {
    const sale = await reservedSale(system);
    const intent = await payAwaitingAction(sale);

    const paid = await pay(sale, GOOD_CARD);
    expect(paid.body.errors).toBeUndefined();
    expect(paid.body.data.payOrder.status).toBe('SUCCEEDED');
    await orderReads(system, sale, 'COMPLETE');
    expect(chargesOf(sale.orderId).map((charge) => charge.status)).toEqual(['canceled', 'succeeded']);
    await expect(stripe.confirmAction(intent)).rejects.toThrow(/canceled/);
  });

  it('keeps the first card when it was confirmed just before the buyer chose another', async () => {
    const sale = await reservedSale(system);
    const intent = await payAwaitingAction(sale);
    intent.status = 'succeeded'; // confirmed at the bank; the webhook has not arrived

    const paid = await pay(sale, GOOD_CARD);
    expect(paid.body.errors).toBeUndefined();
    expect(paid.body.data.payOrder).toMatchObject({ status: 'SUCCEEDED', providerRef: intent.id });
    expect(chargesOf(sale.orderId)).toHaveLength(1);
  });

  it('shows the client secret to nobody but the buyer', async () => {
    const sale = await reservedSale(system);
    await payAwaitingAction(sale);
    const stranger = await signUpActor(system, 'stranger');

    const paid = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, paymentMethodId: THREE_D_SECURE_CARD },
      { token: stranger.token },
    );
    expect(paid.body.data).toBeNull();
    expect(paid.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(paid.body)).not.toMatch(/secret/);

    const read = await system.graphql<any>(ORDER_PAYMENT, { id: sale.orderId }, { token: stranger.token });
    expect(JSON.stringify(read.body)).not.toMatch(/_secret_/);
    expect(read.body.data?.order ?? null).toBeNull();
    expect(chargesOf(sale.orderId)).toHaveLength(1);
  });
});
