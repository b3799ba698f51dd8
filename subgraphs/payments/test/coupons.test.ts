import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_CARD, signUpActor, startStripeStandIn, type Actor, type StripeStandIn } from '@stuffmart/test-kit';
import { signUpAdmin, startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { orderReads, PAY, reservedSale, stripeEnv } from './support/sale.js';

const CREATE = `mutation ($input: CreateCouponInput!) { createCoupon(input: $input) { code percentOff maxRedemptions redemptions expiresAt createdAt createdBy { id email } } }`;

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

async function coupon(input: Record<string, unknown>): Promise<string> {
  const { body } = await system.graphql<any>(CREATE, { input }, { token: admin.token });
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.createCoupon.code;
}

describe('making coupons', () => {
  it('lets an admin make one with a generated code, and list it', async () => {
    const { body } = await system.graphql<any>(CREATE, { input: { percentOff: 25 } }, { token: admin.token });
    const made = body.data.createCoupon;
    expect(made).toMatchObject({
      percentOff: 25,
      maxRedemptions: 1,
      redemptions: 0,
      expiresAt: null,
      createdBy: { id: admin.id, email: admin.email },
    });
    expect(made.code).toMatch(/^[A-Z0-9]{6,32}$/);
    const listed = await system.graphql<any>(`{ coupons(first: 100) { nodes { code } } }`, {}, { token: admin.token });
    expect(listed.body.data.coupons.nodes.map((c: { code: string }) => c.code)).toContain(made.code);
  });

  it('keeps coupons from everyone but admins', async () => {
    const user = await signUpActor(system, 'user');
    const made = await system.graphql(CREATE, { input: { percentOff: 100 } }, { token: user.token });
    expect(made.body.errors).toEqual([
      { message: 'Forbidden', path: ['createCoupon'], extensions: { code: 'FORBIDDEN' } },
    ]);
    const listed = await system.graphql(`{ coupons { nodes { code } } }`, {}, { token: user.token });
    expect(listed.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await system.graphql(`{ coupons { nodes { code } } }`);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lists every broken rule, and refuses a code in use', async () => {
    const bad = await system.graphql<any>(
      CREATE,
      { input: { percentOff: 101, maxRedemptions: 0, code: 'no', expiresAt: '2001-01-01T00:00:00.000Z' } },
      { token: admin.token },
    );
    expect((bad.body.errors?.[0] as any).extensions.code).toBe('BAD_USER_INPUT');
    expect((bad.body.errors?.[0] as any).extensions.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'code',
      'expiresAt',
      'maxRedemptions',
      'percentOff',
    ]);
    await coupon({ percentOff: 10, code: 'WELCOME2026' });
    const taken = await system.graphql<any>(
      CREATE,
      { input: { percentOff: 10, code: 'welcome2026' } },
      { token: admin.token },
    );
    expect((taken.body.errors?.[0] as any).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'code', message: 'Code in use' }],
    });
  });
});

describe('paying with a coupon', () => {
  it('pays a 100% coupon without calling the provider: amount 0, no providerRef, order complete', async () => {
    const code = await coupon({ percentOff: 100 });
    const sale = await reservedSale(system, 5000);
    const requestsBefore = stripe.requests;
    const { body } = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, couponCode: code },
      { token: sale.buyer.token },
    );
    expect(body.data.payOrder).toMatchObject({
      amountCents: 0,
      status: 'SUCCEEDED',
      couponCode: code,
      providerRef: null,
    });
    expect(stripe.requests).toBe(requestsBefore);
    const order = await orderReads(system, sale, 'COMPLETE');
    expect(order.stuff.availability).toBe('SOLD');
  });

  it('charges half with a 50% coupon', async () => {
    const code = await coupon({ percentOff: 50 });
    const sale = await reservedSale(system, 3001);
    const { body } = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, couponCode: code.toLowerCase(), paymentMethodId: GOOD_CARD },
      { token: sale.buyer.token },
    );
    expect(body.data.payOrder).toMatchObject({ amountCents: 1500, couponCode: code });
    expect(stripe.charges.find((charge) => charge.metadata.orderId === sale.orderId)?.amount).toBe(1500);
  });

  it('answers a double click with a 100% coupon with one payment, the coupon redeemed once', async () => {
    const code = await coupon({ percentOff: 100, maxRedemptions: 1 });
    const sale = await reservedSale(system);
    const results = await Promise.all(
      [1, 2].map(() =>
        system.graphql<any>(PAY, { orderId: sale.orderId, couponCode: code }, { token: sale.buyer.token }),
      ),
    );
    expect(results.map((result) => result.body.errors)).toEqual([undefined, undefined]);
    const [first, second] = results.map((result) => result.body.data.payOrder);
    expect(first).toMatchObject({ status: 'SUCCEEDED', amountCents: 0, couponCode: code });
    expect(second).toEqual(first);
    const listed = await system.graphql<any>(
      `{ coupons(first: 100) { nodes { code redemptions } } }`,
      {},
      {
        token: admin.token,
      },
    );
    expect(listed.body.data.coupons.nodes.find((c: { code: string }) => c.code === code).redemptions).toBe(1);
  });

  it('redeems a coupon of maxRedemptions 5 exactly 5 times among 20 simultaneous payments', async () => {
    const code = await coupon({ percentOff: 100, maxRedemptions: 5 });
    const sales = await Promise.all(Array.from({ length: 20 }, () => reservedSale(system)));
    const results = await Promise.all(
      sales.map((sale) =>
        system.graphql<any>(PAY, { orderId: sale.orderId, couponCode: code }, { token: sale.buyer.token }),
      ),
    );
    expect(results.filter((result) => result.body.data?.payOrder)).toHaveLength(5);
    const refused = results.filter((result) => result.body.errors);
    expect(refused).toHaveLength(15);
    for (const result of refused)
      expect(result.body.errors?.[0] as any).toMatchObject({
        message: `Coupon ${code} has been used up`,
        extensions: { code: 'COUPON_INVALID' },
      });
    const listed = await system.graphql<any>(
      `{ coupons(first: 100) { nodes { code redemptions } } }`,
      {},
      {
        token: admin.token,
      },
    );
    expect(listed.body.data.coupons.nodes.find((c: { code: string }) => c.code === code).redemptions).toBe(5);
  });

  it('gives the redemption back when the payment fails', async () => {
    const code = await coupon({ percentOff: 50, maxRedemptions: 1 });
    const sale = await reservedSale(system);
    const declined = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, couponCode: code, paymentMethodId: 'pm_card_chargeDeclined' },
      { token: sale.buyer.token },
    );
    expect((declined.body.errors?.[0] as any).extensions.code).toBe('PAYMENT_FAILED');
    const paid = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, couponCode: code, paymentMethodId: GOOD_CARD },
      { token: sale.buyer.token },
    );
    expect(paid.body.data.payOrder.couponCode).toBe(code);
  });

  it('says COUPON_INVALID for an unknown or expired coupon, and charges nothing', async () => {
    const sale = await reservedSale(system);
    const unknown = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, couponCode: 'NOSUCHCODE' },
      { token: sale.buyer.token },
    );
    expect(unknown.body.errors?.[0] as any).toMatchObject({
      message: 'Coupon NOSUCHCODE does not exist',
      extensions: { code: 'COUPON_INVALID' },
    });
    const soon = await coupon({ percentOff: 100, expiresAt: new Date(Date.now() + 1000).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const expired = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, couponCode: soon },
      { token: sale.buyer.token },
    );
    expect(expired.body.errors?.[0] as any).toMatchObject({
      message: `Coupon ${soon} has expired`,
      extensions: { code: 'COUPON_INVALID' },
    });
    expect(stripe.charges.filter((charge) => charge.metadata.orderId === sale.orderId)).toHaveLength(0);
  });
});
