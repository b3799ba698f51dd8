import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from '@stuffmart/common';
import { signUpAdmin, startTestSystem, type TestSystem } from '../system/index.js';
import { PAY, reservedSale } from '../../subgraphs/payments/test/support/sale.js';

const RATE_LIMITED = {
  message: 'Too many attempts, try again later',
  path: ['payOrder'],
  extensions: { code: 'RATE_LIMITED' },
};

let system: TestSystem;
let redis: Redis;
beforeAll(async () => {
  system = await startTestSystem();
  redis = new Redis(system.env.REDIS_URL!);
});
afterAll(async () => {
  redis?.disconnect();
  await system?.close();
});

/** Every Redis key of this test system that has to do with coupons, with its time to live. */
async function couponKeys(): Promise<Array<{ key: string; ttl: number; value: string | null }>> {
  const keys = await redis.keys(`${system.env.STUFFMART_NAMESPACE}:*coupon*`);
  return Promise.all(keys.map(async (key) => ({ key, ttl: await redis.ttl(key), value: await redis.get(key) })));
}

const guessCode = (i: number) => `GUESS${String(i).padStart(4, '0')}`;

describe('guessing coupon codes', () => {
  it('refuses payOrder with a coupon after 10 unknown codes, counted per buyer with a TTL, never per code', async () => {
    const sale = await reservedSale(system);
    const pay = (couponCode: string) =>
      system.graphql<any>(PAY, { orderId: sale.orderId, couponCode }, { token: sale.buyer.token });
    // 25 guesses at once: the check and the count are one step, so no more than 10 are tried.
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => pay(guessCode(i))));
    const codes = results.map((result) => result.body.errors?.[0]?.extensions?.code);
    expect(codes.filter((code) => code === 'COUPON_INVALID')).toHaveLength(10);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(15);
    for (const result of results.filter((r) => r.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED')) {
      expect(result.body).toEqual({ data: null, errors: [RATE_LIMITED] });
    }

    // Even a real coupon is refused now: the limit is on guessing, not on wrong answers.
    const admin = await signUpAdmin(system);
    const made = await system.graphql<any>(
      `mutation { createCoupon(input: { percentOff: 100 }) { code } }`,
      {},
      { token: admin.token },
    );
    expect((await pay(made.body.data.createCoupon.code)).body.errors).toEqual([RATE_LIMITED]);

    const keys = await couponKeys();
    expect(keys).toHaveLength(1);
    expect(keys[0]!.key).toBe(`${system.env.STUFFMART_NAMESPACE}:coupon-guesses:${sale.buyer.id}`);
    expect(keys[0]!.value).toBe('10'); // nothing counted past the limit
    expect(keys[0]!.ttl).toBeGreaterThan(0);
    expect(keys[0]!.ttl).toBeLessThanOrEqual(15 * 60);
    expect(keys.some(({ key }) => key.includes('GUESS'))).toBe(false);
  });

  it('does not count a payment whose coupon is valid as a guess', async () => {
    const admin = await signUpAdmin(system);
    const made = await system.graphql<any>(
      `mutation { createCoupon(input: { percentOff: 100, maxRedemptions: 5 }) { code } }`,
      {},
      { token: admin.token },
    );
    const sale = await reservedSale(system);
    for (let i = 0; i < 9; i++) {
      const { body } = await system.graphql<any>(
        PAY,
        { orderId: sale.orderId, couponCode: guessCode(i) },
        { token: sale.buyer.token },
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('COUPON_INVALID');
    }
    const paid = await system.graphql<any>(
      PAY,
      { orderId: sale.orderId, couponCode: made.body.data.createCoupon.code },
      { token: sale.buyer.token },
    );
    expect(paid.body.data?.payOrder?.status).toBe('SUCCEEDED');
    expect(await redis.get(`${system.env.STUFFMART_NAMESPACE}:coupon-guesses:${sale.buyer.id}`)).toBe('9');
  });
});

describe('the strings of payOrder', () => {
  it('refuses a coupon code that cannot be one, or an oversized payment method, with BAD_USER_INPUT, counting nothing', async () => {
    const sale = await reservedSale(system);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ couponCode: 'A'.repeat(33) }, 'couponCode'],
      [{ couponCode: 'NO-SUCH!' }, 'couponCode'],
      [{ couponCode: "' OR 1=1 --" }, 'couponCode'],
      [{ couponCode: 'x'.repeat(100_000) }, 'couponCode'],
      [{ paymentMethodId: 'pm_'.padEnd(256, 'x') }, 'paymentMethodId'],
    ];
    for (const [variables, field] of cases) {
      const { body } = await system.graphql<any>(
        PAY,
        { orderId: sale.orderId, ...variables },
        { token: sale.buyer.token },
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((body.errors?.[0]?.extensions?.fields as any[]).map((f) => f.field)).toEqual([field]);
    }
    expect(await couponKeys()).not.toContainEqual(
      expect.objectContaining({ key: expect.stringContaining(sale.buyer.id) }),
    );
  });

  it('answers NOT_FOUND for an order id that is no UUID, never a database error', async () => {
    const sale = await reservedSale(system);
    for (const orderId of ['nope', "1' OR '1'='1", 'x'.repeat(10_000)]) {
      const { body } = await system.graphql<any>(PAY, { orderId }, { token: sale.buyer.token });
      expect(body.errors).toEqual([
        { message: 'Order not found', path: ['payOrder'], extensions: { code: 'NOT_FOUND' } },
      ]);
    }
  });
});
