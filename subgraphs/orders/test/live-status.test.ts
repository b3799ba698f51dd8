import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from '@stuffmart/common';
import {
  connectLive as connect,
  disposeLiveClients,
  eventually,
  listStuff,
  signUpActor,
  watch,
  type Actor,
  type Watch,
} from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';

const WATCH_STUFF = `subscription ($stuffId: ID!) {
  stuffAvailabilityChanged(stuffId: $stuffId) { stuffId availability reservedUntil message }
}`;
const WATCH_ORDER = `subscription ($orderId: ID!) { orderStatusChanged(orderId: $orderId) { orderId status expiresAt } }`;
const BUY = `mutation ($stuffId: ID!) { buyStuff(stuffId: $stuffId) { id expiresAt } }`;
const CANCEL = `mutation ($id: ID!) { cancelOrder(id: $id) { id } }`;
const RESERVED_MESSAGE = 'The stuff is being checked out by someone else, please come back later';

afterEach(disposeLiveClients);

const availability = (watch: Watch, value: string, from = 0) =>
  watch
    .until((result) => result.data?.stuffAvailabilityChanged.availability === value, value, from)
    .then((result) => result.data.stuffAvailabilityChanged);

async function buy(system: TestSystem, buyer: Actor, stuffId: string): Promise<{ id: string; expiresAt: string }> {
  const { body } = await system.graphql<any>(BUY, { stuffId }, { token: buyer.token });
  if (!body.data) throw new Error(`buyStuff failed: ${JSON.stringify(body.errors)}`);
  return body.data.buyStuff;
}

async function cancel(system: TestSystem, buyer: Actor, orderId: string): Promise<void> {
  const { body } = await system.graphql(CANCEL, { id: orderId }, { token: buyer.token });
  expect(body.errors).toBeUndefined();
}

describe('watching a stuff through the gateway', () => {
  let system: TestSystem;
  let seller: Actor;
  beforeAll(async () => {
    system = await startTestSystem();
    seller = await signUpActor(system, 'seller');
  });
  afterAll(() => system?.close());

  it('sends the current state first: a new stuff is AVAILABLE', async () => {
    const stuffId = await listStuff(system, seller);
    const watcher = watch(connect(system), WATCH_STUFF, { stuffId });
    await watcher.until(() => true, 'the first event');
    expect(watcher.results[0]).toEqual({
      data: { stuffAvailabilityChanged: { stuffId, availability: 'AVAILABLE', reservedUntil: null, message: null } },
    });
  });

  it('tells watchers RESERVED with the message, the holding buyer without it, and everyone AVAILABLE after cancelOrder', async () => {
    const stuffId = await listStuff(system, seller);
    const buyer = await signUpActor(system, 'buyer');
    const other = await signUpActor(system, 'other');
    const watchers = [
      watch(connect(system), WATCH_STUFF, { stuffId }),
      watch(connect(system, other), WATCH_STUFF, { stuffId }),
    ];
    const holder = watch(connect(system, buyer), WATCH_STUFF, { stuffId });
    for (const subscriber of [...watchers, holder]) await availability(subscriber, 'AVAILABLE');

    const order = await buy(system, buyer, stuffId);
    for (const watcher of watchers) {
      expect(await availability(watcher, 'RESERVED')).toEqual({
        stuffId,
        availability: 'RESERVED',
        reservedUntil: order.expiresAt,
        message: RESERVED_MESSAGE,
      });
    }
    expect(await availability(holder, 'RESERVED')).toEqual({
      stuffId,
      availability: 'RESERVED',
      reservedUntil: order.expiresAt,
      message: null,
    });

    // Someone who starts watching now gets the reservation as the current state.
    const late = watch(connect(system), WATCH_STUFF, { stuffId });
    await late.until(() => true, 'the first event');
    expect(late.results[0].data.stuffAvailabilityChanged).toMatchObject({
      availability: 'RESERVED',
      message: RESERVED_MESSAGE,
    });

    await cancel(system, buyer, order.id);
    for (const subscriber of [...watchers, holder, late]) {
      const reservedAt = subscriber.results.findIndex(
        (result) => result.data.stuffAvailabilityChanged.availability === 'RESERVED',
      );
      expect(await availability(subscriber, 'AVAILABLE', reservedAt + 1)).toEqual({
        stuffId,
        availability: 'AVAILABLE',
        reservedUntil: null,
        message: null,
      });
    }
  });

  it('signs in a connection by the session cookie of its upgrade request', async () => {
    const stuffId = await listStuff(system, seller);
    const buyer = await signUpActor(system, 'cookie');
    const order = await buy(system, buyer, stuffId);
    const client = connect(system, { cookie: `session=${buyer.token}` });
    const holder = watch(client, WATCH_STUFF, { stuffId });
    expect(await availability(holder, 'RESERVED')).toMatchObject({ message: null });
    const status = watch(client, WATCH_ORDER, { orderId: order.id });
    const first = await status.until(() => true, 'the first order event');
    expect(first).toEqual({
      data: { orderStatusChanged: { orderId: order.id, status: 'AWAITING_PAYMENT', expiresAt: order.expiresAt } },
    });
  });

  it('treats a bad token as signed out', async () => {
    const stuffId = await listStuff(system, seller);
    const buyer = await signUpActor(system, 'holder');
    const order = await buy(system, buyer, stuffId);
    for (const client of [
      connect(system, { token: `${buyer.token}x` }),
      connect(system, { cookie: 'session=nonsense' }),
    ]) {
      const status = watch(client, WATCH_ORDER, { orderId: order.id });
      const result = await status.until(() => true, 'an answer');
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    }
  });

  it('refuses a subscription with a field the schema lacks: GRAPHQL_VALIDATION_FAILED', async () => {
    const watcher = watch(connect(system), `subscription { stuffAvailabilityChanged(stuffId: "x") { nope } }`, {});
    await eventually(async () => watcher.failure, 5000, 'the error');
    expect(watcher.results).toEqual([]);
    expect(watcher.failure).toEqual([
      {
        message: 'Cannot query field "nope" on type "StuffAvailability".',
        locations: [{ line: 1, column: 57 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });
});

describe('watching an order through the gateway', () => {
  let system: TestSystem;
  let seller: Actor;
  beforeAll(async () => {
    system = await startTestSystem();
    seller = await signUpActor(system, 'seller');
  });
  afterAll(() => system?.close());

  it('sends its buyer AWAITING_PAYMENT first and CANCELLED after cancelOrder', async () => {
    const buyer = await signUpActor(system, 'buyer');
    const order = await buy(system, buyer, await listStuff(system, seller));
    const status = watch(connect(system, buyer), WATCH_ORDER, { orderId: order.id });
    const first = await status.until(() => true, 'the first event');
    expect(first).toEqual({
      data: { orderStatusChanged: { orderId: order.id, status: 'AWAITING_PAYMENT', expiresAt: order.expiresAt } },
    });
    await cancel(system, buyer, order.id);
    const cancelled = await status.until(
      (result) => result.data.orderStatusChanged.status === 'CANCELLED',
      'CANCELLED',
    );
    expect(cancelled).toEqual({
      data: { orderStatusChanged: { orderId: order.id, status: 'CANCELLED', expiresAt: order.expiresAt } },
    });
  });

  it('refuses a stranger with FORBIDDEN and a signed-out watcher with UNAUTHENTICATED, and ends', async () => {
    const buyer = await signUpActor(system, 'buyer');
    const stranger = await signUpActor(system, 'stranger');
    const order = await buy(system, buyer, await listStuff(system, seller));
    const cases = [
      { client: connect(system, stranger), message: 'Forbidden', code: 'FORBIDDEN' },
      { client: connect(system, seller), message: 'Forbidden', code: 'FORBIDDEN' },
      { client: connect(system), message: 'Not authorized', code: 'UNAUTHENTICATED' },
    ];
    for (const { client, message, code } of cases) {
      const status = watch(client, WATCH_ORDER, { orderId: order.id });
      await eventually(async () => status.completed || undefined, 5000, 'the end of the subscription');
      expect(status.results).toHaveLength(1);
      expect(status.results[0].data ?? null).toBeNull();
      expect(status.results[0].errors).toEqual([
        { message, locations: expect.any(Array), path: ['orderStatusChanged'], extensions: { code } },
      ]);
    }
  });
});

describe('watching with two orders replicas', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({}, { replicas: { orders: 2 } });
  });
  afterAll(() => system?.close());

  it('a change made through one replica reaches subscribers held by the other (fan-out through Redis)', async () => {
    const seller = await signUpActor(system, 'seller');
    const buyer = await signUpActor(system, 'buyer');
    const stuffId = await listStuff(system, seller);
    // The replicas sit behind a proxy that hands out new connections in turn: two client
    // connections opened one after the other are held by different replicas, so whichever
    // one takes the BUY, one of these subscribers is on the other.
    const watchers: Watch[] = [];
    for (let i = 0; i < 2; i++) {
      const watcher = watch(connect(system), WATCH_STUFF, { stuffId });
      await availability(watcher, 'AVAILABLE');
      watchers.push(watcher);
    }
    // Each replica listens on a stuff's live channel once, however many watch it there.
    const redis = new Redis(system.env.REDIS_URL!);
    try {
      const [channel] = (await redis.pubsub('CHANNELS', `${system.env.STUFFMART_NAMESPACE}:*${stuffId}`)) as string[];
      expect(await redis.pubsub('NUMSUB', channel!)).toEqual([channel, 2]);
    } finally {
      redis.disconnect();
    }
    const order = await buy(system, buyer, stuffId);
    for (const watcher of watchers) {
      expect(await availability(watcher, 'RESERVED')).toMatchObject({
        reservedUntil: order.expiresAt,
        message: RESERVED_MESSAGE,
      });
    }
    await cancel(system, buyer, order.id);
    for (const watcher of watchers) await availability(watcher, 'AVAILABLE', 2);
  });
});
