import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_CARD, startStripeStandIn, type StandInCharge, type StripeStandIn } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../system/index.js';
import { orderReads, PAY, reservedSale, stripeEnv, type Sale } from '../../subgraphs/payments/test/support/sale.js';

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

async function postWebhook(charge: StandInCharge): Promise<number> {
  const { payload, signature } = stripe.webhook('payment_intent.succeeded', charge);
  const response = await fetch(`${system.origin}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });
  return response.status;
}

/** An order whose card charge went through at Stripe but whose reply our process lost: only the webhook can settle it. */
async function chargedButUnrecorded(priceCents: number): Promise<{ sale: Sale; charge: StandInCharge }> {
  const sale = await reservedSale(system, priceCents);
  stripe.dropResponses = true;
  try {
    await system.graphql(PAY, { orderId: sale.orderId, paymentMethodId: GOOD_CARD }, { token: sale.buyer.token });
  } finally {
    stripe.dropResponses = false;
  }
  const charge = stripe.charges.find((entry) => entry.metadata.orderId === sale.orderId);
  if (!charge) throw new Error('the stand-in saw no charge');
  return { sale, charge };
}

describe('a signed payment_intent.succeeded that does not match its attempt', () => {
  it('is acknowledged and ignored when its amount, currency or order differ: the order stays unpaid', async () => {
    const { sale, charge } = await chargedButUnrecorded(4200);
    const other = await reservedSale(system);
    const forgeries: StandInCharge[] = [
      { ...charge, id: 'pi_cheap', amount: 1 },
      { ...charge, id: 'pi_more', amount: charge.amount + 1 },
      { ...charge, id: 'pi_yen', currency: 'jpy' },
      { ...charge, id: 'pi_elsewhere', metadata: { ...charge.metadata, orderId: other.orderId } },
      { ...charge, id: 'pi_no_order', metadata: { attemptId: charge.metadata.attemptId! } },
    ];
    for (const forged of forgeries) expect(await postWebhook(forged)).toBe(200);

    const order = await orderReads(system, sale, 'AWAITING_PAYMENT');
    expect(order.payment).toBeNull();
    expect((await orderReads(system, other, 'AWAITING_PAYMENT')).payment).toBeNull();

    // The genuine event still settles it: only the mismatch kept the forgeries out.
    expect(await postWebhook(charge)).toBe(200);
    const completed = await orderReads(system, sale, 'COMPLETE');
    expect(completed.payment.amountCents).toBe(4200);
  });
});
