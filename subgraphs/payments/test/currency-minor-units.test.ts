import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GOOD_CARD,
  listStuff,
  signUpActor,
  startStripeStandIn,
  type Actor,
  type StripeStandIn,
} from '@stuffmart/test-kit';
import { signUpAdmin, startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { orderReads, PAY, stripeEnv, type Sale } from './support/sale.js';

let stripe: StripeStandIn;
let system: TestSystem;
let admin: Actor;
beforeAll(async () => {
  stripe = await startStripeStandIn();
  system = await startTestSystem(stripeEnv(stripe));
  admin = await signUpAdmin(system);
});
afterAll(async () => {
  await system?.close();
  await stripe?.close();
});

/** A stuff priced in yen, which has no minor unit: 1500 means ¥1,500. */
async function reservedYenSale(priceCents: number): Promise<Sale> {
  const seller = await signUpActor(system, 'seller');
  const buyer = await signUpActor(system, 'buyer');
  const stuffId = await listStuff(system, seller, { priceCents, currency: 'jpy' });
  const { body } = await system.graphql<any>(
    `mutation ($stuffId: ID!) { buyStuff(stuffId: $stuffId) { id } }`,
    { stuffId },
    { token: buyer.token },
  );
  if (!body.data) throw new Error(`buyStuff failed: ${JSON.stringify(body.errors)}`);
  return { seller, buyer, stuffId, orderId: body.data.buyStuff.id };
}

describe('a currency without cents', () => {
  it('charges ¥750 for a ¥1500 stuff with a 50% coupon, and Stripe is asked for 750', async () => {
    const made = await system.graphql<any>(
      `mutation { createCoupon(input: { percentOff: 50 }) { code } }`,
      {},
      { token: admin.token },
    );
    const sale = await reservedYenSale(1500);
    const { body } = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, paymentMethodId: GOOD_CARD, couponCode: made.body.data.createCoupon.code },
      { token: sale.buyer.token },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.payOrder).toMatchObject({ amountCents: 750, currency: 'jpy', status: 'SUCCEEDED' });
    const charges = stripe.charges.filter((charge) => charge.metadata.orderId === sale.orderId);
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({ amount: 750, currency: 'jpy' });
    await orderReads(system, sale, 'COMPLETE');
  });

  it('names the amount in whole yen when a payment method is missing', async () => {
    const sale = await reservedYenSale(1500);
    const { body } = await system.graphql<any>(PAY, { orderId: sale.orderId }, { token: sale.buyer.token });
    expect(body.errors?.[0]).toMatchObject({
      message: 'A payment method is needed to pay 1500 JPY',
      extensions: { code: 'PAYMENT_FAILED' },
    });
  });
});
