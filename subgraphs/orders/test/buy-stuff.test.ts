import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStuff, signUpActor, type Actor } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';

const BUY = `mutation ($stuffId: ID!) { buyStuff(stuffId: $stuffId) { id status priceCents currency expiresAt createdAt stuff { id title availability reservedUntil } buyer { id email } } }`;
const RESERVED_MESSAGE = 'The stuff is being checked out by someone else, please come back later';

let system: TestSystem;
let seller: Actor;
beforeAll(async () => {
  system = await startTestSystem();
  seller = await signUpActor(system, 'seller');
});
afterAll(() => system?.close());

describe('pressing BUY', () => {
  it('reserves the stuff for the window and returns the order AWAITING_PAYMENT', async () => {
    const stuffId = await listStuff(system, seller, { title: 'Concert ticket', priceCents: 4200 });
    const buyer = await signUpActor(system, 'buyer');
    const before = Date.now();
    const { body } = await system.graphql<any>(BUY, { stuffId }, { token: buyer.token });
    expect(body.errors).toBeUndefined();
    const order = body.data.buyStuff;
    expect(order).toMatchObject({
      status: 'AWAITING_PAYMENT',
      priceCents: 4200,
      currency: 'usd',
      stuff: { id: stuffId, title: 'Concert ticket', availability: 'RESERVED', reservedUntil: order.expiresAt },
      buyer: { id: buyer.id, email: buyer.email },
    });
    const window = new Date(order.expiresAt).getTime() - before;
    expect(window).toBeGreaterThan(899_000);
    expect(window).toBeLessThan(901_000);
  });

  it('lets exactly one of 50 concurrent buyers win; the 49 others get STUFF_RESERVED', async () => {
    const stuffId = await listStuff(system, seller);
    const buyers = await Promise.all(Array.from({ length: 50 }, (_, i) => signUpActor(system, `rush${i}`)));
    const results = await Promise.all(
      buyers.map((buyer) => system.graphql<any>(BUY, { stuffId }, { token: buyer.token })),
    );
    const winners = results.filter((result) => result.body.data?.buyStuff);
    const losers = results.filter((result) => result.body.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    for (const loser of losers) {
      expect(loser.body.errors).toEqual([
        { message: RESERVED_MESSAGE, path: ['buyStuff'], extensions: { code: 'STUFF_RESERVED' } },
      ]);
    }
  });

  it('refuses the seller their own stuff with FORBIDDEN', async () => {
    const stuffId = await listStuff(system, seller);
    const { body } = await system.graphql(BUY, { stuffId }, { token: seller.token });
    expect(body.errors).toEqual([{ message: 'Forbidden', path: ['buyStuff'], extensions: { code: 'FORBIDDEN' } }]);
  });

  it('says NOT_FOUND for a stuff that does not exist', async () => {
    const buyer = await signUpActor(system, 'lost');
    for (const stuffId of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const { body } = await system.graphql(BUY, { stuffId }, { token: buyer.token });
      expect(body.errors).toEqual([
        { message: 'Stuff not found', path: ['buyStuff'], extensions: { code: 'NOT_FOUND' } },
      ]);
    }
  });

  it('needs sign-in', async () => {
    const stuffId = await listStuff(system, seller);
    const { body } = await system.graphql(BUY, { stuffId });
    expect(body.errors).toEqual([
      { message: 'Not authorized', path: ['buyStuff'], extensions: { code: 'UNAUTHENTICATED' } },
    ]);
  });
});

describe('pressing BUY against two orders replicas', () => {
  let replicated: TestSystem;
  beforeAll(async () => {
    replicated = await startTestSystem({}, { replicas: { orders: 2 } });
  });
  afterAll(() => replicated?.close());

  /** SQL statements each orders instance has run: proof that both took part. */
  const statementsPerInstance = () =>
    Promise.all(
      replicated.instances.orders!.map(async (instance) => {
        const text = await (await fetch(new URL('/metrics', instance.url))).text();
        return Number(/sql_statements_total\{[^}]*\} (\d+)/.exec(text)?.[1]);
      }),
    );

  it('still lets exactly one of 50 concurrent buyers win, with both replicas serving', async () => {
    const owner = await signUpActor(replicated, 'seller');
    const stuffId = await listStuff(replicated, owner);
    const buyers = await Promise.all(Array.from({ length: 50 }, (_, i) => signUpActor(replicated, `twin${i}`)));
    const before = await statementsPerInstance();
    const results = await Promise.all(
      buyers.map((buyer) => replicated.graphql<any>(BUY, { stuffId }, { token: buyer.token })),
    );
    const after = await statementsPerInstance();
    expect(replicated.instances.orders).toHaveLength(2);
    for (const [index, count] of after.entries())
      expect(count, `orders instance ${index}`).toBeGreaterThan(before[index]! + 5);
    expect(results.filter((result) => result.body.data?.buyStuff)).toHaveLength(1);
    const codes = results.flatMap((result) => result.body.errors ?? []).map((error) => error.extensions?.code);
    expect(codes).toEqual(Array(49).fill('STUFF_RESERVED'));
  });
});
