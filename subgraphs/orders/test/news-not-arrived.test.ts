import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, listStuff, signUpActor, startTcpProxy, type TcpProxy } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BUY = `mutation ($stuffId: ID!) { buyStuff(stuffId: $stuffId) { id status } }`;
const PAY = `mutation ($orderId: ID!) { payOrder(orderId: $orderId, couponCode: "NOSUCHCOUPON") { id } }`;

/**
 * Catalog's and orders' way to Redis each through a proxy of its own: cutting one keeps that
 * service's news (stuff listed, order placed) from travelling, as a Redis outage or a stuck
 * relay would, while the rest of the system carries on.
 */
describe('a copy whose news has not arrived yet', () => {
  let system: TestSystem;
  let catalogRedis: TcpProxy;
  let ordersRedis: TcpProxy;
  beforeAll(async () => {
    [catalogRedis, ordersRedis] = await Promise.all([startTcpProxy(REDIS_URL), startTcpProxy(REDIS_URL)]);
    system = await startTestSystem(
      {},
      {
        subgraphEnv: {
          catalog: { REDIS_URL: catalogRedis.wrap(REDIS_URL) },
          orders: { REDIS_URL: ordersRedis.wrap(REDIS_URL) },
        },
      },
    );
  });
  afterAll(async () => {
    await Promise.all([catalogRedis?.resume(), ordersRedis?.resume()]);
    await system?.close();
    await Promise.all([catalogRedis?.cut(), ordersRedis?.cut()]);
  });

  it('makes buyStuff say SERVICE_UNAVAILABLE, never NOT_FOUND, for a stuff that exists; it is bought once the news arrives', async () => {
    const seller = await signUpActor(system, 'seller');
    const buyer = await signUpActor(system, 'buyer');
    await catalogRedis.cut();
    const stuffId = await listStuff(system, seller);

    const early = await system.graphql<any>(BUY, { stuffId }, { token: buyer.token });
    expect(early.body.errors).toEqual([
      { message: 'Service unavailable', path: ['buyStuff'], extensions: { code: 'SERVICE_UNAVAILABLE' } },
    ]);
    // While catalog's news cannot travel, nobody here can say that a stuff does not exist.
    const unknown = await system.graphql<any>(BUY, { stuffId: randomUUID() }, { token: buyer.token });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');

    await catalogRedis.resume();
    const bought = await eventually(
      async () => {
        const { body } = await system.graphql<any>(BUY, { stuffId }, { token: buyer.token });
        if (body.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE') return undefined;
        return body;
      },
      15_000,
      'the BUY once catalog’s news has arrived',
    );
    expect(bought.errors).toBeUndefined();
    expect(bought.data.buyStuff.status).toBe('AWAITING_PAYMENT');
    // With the news flowing again, a stuff that does not exist is NOT_FOUND.
    const missing = await system.graphql<any>(BUY, { stuffId: randomUUID() }, { token: buyer.token });
    expect(missing.body.errors).toEqual([
      { message: 'Stuff not found', path: ['buyStuff'], extensions: { code: 'NOT_FOUND' } },
    ]);
  });

  it('makes payOrder say SERVICE_UNAVAILABLE, never NOT_FOUND, for an order that exists', async () => {
    const seller = await signUpActor(system, 'seller');
    const buyer = await signUpActor(system, 'buyer');
    const stuffId = await listStuff(system, seller);
    await eventually(async () => {
      const { body } = await system.graphql<any>(`query ($id: ID!) { stuff(id: $id) { availability } }`, {
        id: stuffId,
      });
      return body.data?.stuff?.availability === 'AVAILABLE' ? true : undefined;
    });
    // Orders' news (the order placed) cannot reach payments.
    await ordersRedis.cut();
    const { body } = await system.graphql<any>(BUY, { stuffId }, { token: buyer.token });
    expect(body.errors).toBeUndefined();
    const orderId = body.data.buyStuff.id;

    const early = await system.graphql<any>(PAY, { orderId }, { token: buyer.token });
    expect(early.body.errors).toEqual([
      { message: 'Service unavailable', path: ['payOrder'], extensions: { code: 'SERVICE_UNAVAILABLE' } },
    ]);

    await ordersRedis.resume();
    // Once it has arrived the order is known: the unknown coupon is what payOrder now refuses.
    const later = await eventually(
      async () => {
        const reply = await system.graphql<any>(PAY, { orderId }, { token: buyer.token });
        const code = reply.body.errors?.[0]?.extensions?.code;
        return code === 'SERVICE_UNAVAILABLE' ? undefined : code;
      },
      15_000,
      'payOrder once orders’ news has arrived',
    );
    expect(later).toBe('COUPON_INVALID');
  });
});
