import pg from 'pg';
import { eventually, listStuff, signUpActor, type Actor, type StripeStandIn } from '@stuffmart/test-kit';
import { type TestSystem } from '../../../../test/system/index.js';

export const PAY = `mutation ($orderId: ID!, $paymentMethodId: String, $couponCode: String) {
  payOrder(orderId: $orderId, paymentMethodId: $paymentMethodId, couponCode: $couponCode) {
    id amountCents currency status couponCode providerRef createdAt order { id status }
  }
}`;

export const ORDER_STATE = `query ($id: ID!) { order(id: $id) { status payment { id amountCents } stuff { id availability } } }`;

export interface Sale {
  seller: Actor;
  buyer: Actor;
  stuffId: string;
  orderId: string;
}

/** A stuff listed, and reserved by a buyer: an order awaiting payment. */
export async function reservedSale(system: TestSystem, priceCents = 2000): Promise<Sale> {
  const seller = await signUpActor(system, 'seller');
  const buyer = await signUpActor(system, 'buyer');
  const stuffId = await listStuff(system, seller, { priceCents });
  const { body } = await system.graphql<any>(
    `mutation ($stuffId: ID!) { buyStuff(stuffId: $stuffId) { id } }`,
    { stuffId },
    { token: buyer.token },
  );
  if (!body.data) throw new Error(`buyStuff failed: ${JSON.stringify(body.errors)}`);
  return { seller, buyer, stuffId, orderId: body.data.buyStuff.id };
}

/** Waits until the order reads `status` for its buyer, and returns what it reads. */
export async function orderReads(system: TestSystem, sale: Sale, status: string, timeoutMs = 5000): Promise<any> {
  return eventually(
    async () => {
      const { body } = await system.graphql<any>(ORDER_STATE, { id: sale.orderId }, { token: sale.buyer.token });
      return body.data?.order?.status === status ? body.data.order : undefined;
    },
    timeoutMs,
    `order ${status}`,
  );
}

/** The environment that points payments at a Stripe stand-in. */
export function stripeEnv(stripe: StripeStandIn): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_API_URL: stripe.url,
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
  };
}

/** A client of one subgraph's own database in the system under test (not yet connected). */
export function databaseOf(system: TestSystem, subgraph: string): pg.Client {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${system.env.STUFFMART_NAMESPACE}_${subgraph}`;
  return new pg.Client({ connectionString: url.toString() });
}
