import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { Redis } from '@stuffmart/common';
import {
  connectLive as connect,
  disposeLiveClients,
  eventually,
  listStuff,
  signUpActor,
  watch,
  type Watch,
} from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../test/system/index.js';

const WATCH_STUFF = `subscription ($stuffId: ID!) { stuffAvailabilityChanged(stuffId: $stuffId) { availability } }`;
const WATCH_ORDER = `subscription ($orderId: ID!) { orderStatusChanged(orderId: $orderId) { status } }`;

afterEach(async () => {
  vi.restoreAllMocks();
  await disposeLiveClients();
});

const failureOf = (watch: Watch) => eventually(async () => watch.failure as any[] | undefined, 5000, 'an error');
const firstResultOf = (watch: Watch) => eventually(async () => watch.results[0], 5000, 'a first result');

/** Nothing internal may reach a client: no host, port, stack or socket error. */
function expectNoInternals(value: unknown) {
  expect(JSON.stringify(value)).not.toMatch(/127\.0\.0\.1|localhost|wss?:\/\/|https?:\/\/|ECONN|stack|node_modules/i);
}

describe('subscriptions at the gateway', () => {
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

  /** How many orders processes listen on the stuff's live channel. */
  async function listeners(stuffId: string): Promise<number> {
    const [channel] = (await redis.pubsub('CHANNELS', `${system.env.STUFFMART_NAMESPACE}:*${stuffId}`)) as string[];
    if (!channel) return 0;
    const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
    return count;
  }

  it('answers a WebSocket upgrade anywhere but /graphql with 404', async () => {
    const socket = new WebSocket(`${system.origin.replace(/^http/, 'ws')}/elsewhere`, 'graphql-transport-ws');
    const status = await new Promise<number | undefined>((resolve, reject) => {
      socket.once('unexpected-response', (request, response) => {
        request.destroy();
        resolve(response.statusCode);
      });
      socket.once('open', () => reject(new Error('the upgrade was accepted')));
    });
    expect(status).toBe(404);
  });

  it('serves only subscriptions over the WebSocket: a query gets BAD_REQUEST', async () => {
    const failure = await failureOf(watch(connect(system), '{ me { id } }'));
    expect(failure).toEqual([
      {
        message: 'Only subscriptions are served over WebSocket; send queries and mutations by HTTP',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
  });

  it('refuses a syntax error and a subscription over the alias limit before any subgraph hears of it', async () => {
    const client = connect(system);
    const syntax = await failureOf(watch(client, 'subscription { stuffAvailabilityChanged('));
    expect(syntax).toEqual([
      {
        message: expect.stringMatching(/^Syntax Error/),
        locations: expect.any(Array),
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      },
    ]);
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: availability`).join(' ');
    const tooMany = await failureOf(
      watch(client, `subscription { stuffAvailabilityChanged(stuffId: "x") { ${aliases} } }`),
    );
    expect(tooMany).toHaveLength(1);
    expect(tooMany[0]).toMatchObject({
      message: expect.stringMatching(/alias/i),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    // The connection survives both and serves the next subscription.
    const stuffId = await listStuff(system, await signUpActor(system, 'seller'));
    expect(await firstResultOf(watch(client, WATCH_STUFF, { stuffId }))).toEqual({
      data: { stuffAvailabilityChanged: { availability: 'AVAILABLE' } },
    });
  });

  it('refuses a missing or malformed variable with BAD_USER_INPUT naming it, as HTTP does', async () => {
    const client = connect(system);
    for (const variables of [{}, { stuffId: { not: 'an id' } }]) {
      const failure = await failureOf(watch(client, WATCH_STUFF, variables));
      expect(failure).toEqual([
        {
          message: 'Invalid input',
          locations: expect.any(Array),
          extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'stuffId', message: expect.any(String) }] },
        },
      ]);
    }
  });

  it('ends the subscription at the subgraph when the client completes it or goes away', async () => {
    const stuffId = await listStuff(system, await signUpActor(system, 'seller'));
    const completing = watch(connect(system), WATCH_STUFF, { stuffId });
    await firstResultOf(completing);
    expect(await listeners(stuffId)).toBe(1);
    completing.stop();
    await eventually(async () => ((await listeners(stuffId)) === 0 ? true : undefined), 5000, 'the subgraph to stop');

    const leaving = connect(system);
    await firstResultOf(watch(leaving, WATCH_STUFF, { stuffId }));
    expect(await listeners(stuffId)).toBe(1);
    leaving.terminate();
    await eventually(async () => ((await listeners(stuffId)) === 0 ? true : undefined), 5000, 'the subgraph to stop');
  });

  it('keeps a long-lived connection signed in: new subscriptions carry a fresh voucher', async () => {
    const seller = await signUpActor(system, 'seller');
    const buyer = await signUpActor(system, 'buyer');
    const stuffId = await listStuff(system, seller);
    const { body } = await system.graphql<any>(
      `mutation ($stuffId: ID!) { buyStuff(stuffId: $stuffId) { id } }`,
      { stuffId },
      { token: buyer.token },
    );
    const orderId = body.data.buyStuff.id;
    const client = connect(system, { connectionParams: { authorization: `Bearer ${buyer.token}` } });
    const early = watch(client, WATCH_ORDER, { orderId });
    expect(await firstResultOf(early)).toEqual({ data: { orderStatusChanged: { status: 'AWAITING_PAYMENT' } } });

    // A minute later (the voucher's lifetime) the subgraph, in this process, would refuse the
    // first voucher; the access token itself is good for 15 minutes.
    const now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => now + 61_000);
    const later = watch(client, WATCH_ORDER, { orderId });
    expect(await firstResultOf(later)).toEqual({ data: { orderStatusChanged: { status: 'AWAITING_PAYMENT' } } });
  });
});

describe('subscriptions when a subgraph goes away, and at shutdown', () => {
  let system: TestSystem;
  let closed = false;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    if (!closed) await system?.close();
  });

  it('ends a live subscription with SERVICE_UNAVAILABLE, and refuses new ones the same way', async () => {
    const stuffId = await listStuff(system, await signUpActor(system, 'seller'));
    const client = connect(system);
    const live = watch(client, WATCH_STUFF, { stuffId });
    await firstResultOf(live);
    await system.stopSubgraph('orders');
    const expected = [
      {
        message: 'Service unavailable',
        path: ['stuffAvailabilityChanged'],
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      },
    ];
    expect(await failureOf(live)).toEqual(expected);
    const late = watch(client, WATCH_STUFF, { stuffId });
    expect(await failureOf(late)).toEqual(expected);
    expectNoInternals([live.failure, late.failure]);
  });

  it('closes client connections promptly when the gateway closes', async () => {
    let connected = false;
    let closeCode: number | undefined;
    connect(system, {
      lazy: false,
      onNonLazyError: () => undefined,
      on: { connected: () => (connected = true), closed: (event) => (closeCode = (event as { code: number }).code) },
    });
    await eventually(async () => connected || undefined, 5000, 'the connection');
    closed = true;
    const closing = system.close();
    // The close frame goes out first thing, not after the rest of the system has stopped.
    await eventually(async () => closeCode, 2000, 'the close frame');
    expect(closeCode).toBe(1001);
    await closing;
  });
});
