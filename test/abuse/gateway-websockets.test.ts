import { randomUUID } from 'node:crypto';
import {
  closeSockets,
  connectLive,
  disposeLiveClients,
  eventually,
  listStuff,
  openRawSocket,
  signUpActor,
  watch,
  type Watch,
} from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../system/index.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const WATCH_STUFF = `subscription ($stuffId: ID!) { stuffAvailabilityChanged(stuffId: $stuffId) { availability } }`;

/** A raw graphql-ws socket: open once acknowledged, or refused (HTTP status) or closed (close code). */
const openSocket = (system: TestSystem, origin?: string, headers: Record<string, string> = {}) =>
  openRawSocket(system.url, { origin, headers });

const firstOf = (watching: Watch) =>
  eventually(async () => watching.results[0] ?? (watching.failure as unknown) ?? undefined, 5000, 'an answer');

describe('graphql-ws at the gateway, against abuse', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ ALLOWED_ORIGINS: 'https://shop.example' });
  });
  afterAll(() => system?.close());
  afterEach(disposeLiveClients);

  it('refuses a browser upgrade from another origin; allowed, own and Origin-less ones connect', async () => {
    const sockets: WebSocket[] = [];
    const outcome = async (origin?: string, headers?: Record<string, string>) => {
      const opened = await openSocket(system, origin, headers);
      sockets.push(opened.socket);
      return opened.outcome;
    };
    try {
      expect(await outcome('https://evil.example')).toBe('refused 403');
      expect(await outcome('http://127.0.0.1:3000.evil.example')).toBe('refused 403');
      expect(await outcome('https://shop.example')).toBe('open');
      // PUBLIC_URL's (the default, http://127.0.0.1:3000) and the gateway's own (Sandbox).
      expect(await outcome('http://127.0.0.1:3000')).toBe('open');
      expect(await outcome(system.origin)).toBe('open');
      expect(await outcome(undefined)).toBe('open');
      // Through the storefront's /graphql, which passes the upgrade on naming the host it received.
      const storefront = { 'x-forwarded-host': '127.0.0.1:45678' };
      expect(await outcome('http://127.0.0.1:45678', storefront)).toBe('open');
      expect(await outcome('https://evil.example', storefront)).toBe('refused 403');
    } finally {
      await closeSockets(sockets);
    }
  });

  it('holds at most 100 subscriptions per connection: the next ends RATE_LIMITED, and a freed place is reusable', async () => {
    const stuffId = await listStuff(system, await signUpActor(system, 'seller'));
    const client = connectLive(system);
    const watches = Array.from({ length: 100 }, () => watch(client, WATCH_STUFF, { stuffId }));
    for (const watching of watches) {
      expect(await firstOf(watching)).toEqual({ data: { stuffAvailabilityChanged: { availability: 'AVAILABLE' } } });
    }
    const extra = watch(client, WATCH_STUFF, { stuffId });
    expect(await eventually(async () => extra.failure, 5000, 'the refusal')).toEqual([
      { message: 'Too many attempts, try again later', extensions: { code: 'RATE_LIMITED' } },
    ]);
    // Ending one (and the refused one) leaves room for exactly one more.
    watches[0]!.stop();
    await eventually(
      async () => {
        const again = watch(client, WATCH_STUFF, { stuffId });
        const answer = await firstOf(again);
        if (Array.isArray(answer)) return undefined; // the stop has not reached the gateway yet
        return answer;
      },
      5000,
      'a place to free up',
    );
    const overAgain = watch(client, WATCH_STUFF, { stuffId });
    expect(await eventually(async () => overAgain.failure, 5000, 'the refusal')).toEqual([
      { message: 'Too many attempts, try again later', extensions: { code: 'RATE_LIMITED' } },
    ]);
  });

  it('accepts 50 connections from one address and closes the next with 4429; closed ones are given back', async () => {
    for (let round = 0; round < 2; round++) {
      const opened = [];
      for (let i = 0; i < 50; i++) opened.push(await openSocket(system));
      expect(opened.map(({ outcome }) => outcome)).toEqual(Array(50).fill('open'));
      const over = await openSocket(system);
      expect(over.outcome).toBe('closed 4429');
      await closeSockets([opened.pop()!.socket]);
      const reuse = await eventually(async () => {
        const attempt = await openSocket(system);
        return attempt.outcome === 'open' ? attempt : undefined;
      });
      // Closing all of them gives every place back: the second round finds 50 again (no leak).
      await closeSockets([...opened.map(({ socket }) => socket), reuse.socket]);
    }
  });

  it('ends a subscription to a stuff nobody listed with NOT_FOUND at once, never AVAILABLE, without polling', async () => {
    const metricsUrl = system.subgraphs.orders!.url.replace(/\/graphql$/, '/metrics');
    const statements = async () =>
      Number(/sql_statements_total\{[^}]*\} (\d+)/.exec(await (await fetch(metricsUrl)).text())?.[1]);
    const client = connectLive(system);
    const before = await statements();
    const watches = Array.from({ length: 20 }, () => watch(client, WATCH_STUFF, { stuffId: randomUUID() }));
    for (const watching of watches) {
      const answer = (await firstOf(watching)) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    }
    // Three reads each (before the wait, then at its first look and when catalog's relay notes
    // its outbox clear); a poll every 50 ms until then would be a dozen. The rest is orders'
    // own background work (the expiry sweep) in the meantime.
    expect((await statements()) - before).toBeLessThan(20 * 4);
  });
});

describe('connections per address behind a trusted proxy (TRUST_PROXY=true)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ TRUST_PROXY: 'true' });
  });
  afterAll(() => system?.close());

  it('counts the address the proxy appended, as sign-ins are counted', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': `198.51.100.7, ${address}` });
    const opened = [];
    try {
      for (let i = 0; i < 50; i++) opened.push(await openSocket(system, undefined, from('203.0.113.1')));
      expect(opened.every(({ outcome }) => outcome === 'open')).toBe(true);
      opened.push(await openSocket(system, undefined, from('203.0.113.1')));
      expect(opened.at(-1)!.outcome).toBe('closed 4429');
      // Another client behind the same proxy is not held back by the first.
      opened.push(await openSocket(system, undefined, from('203.0.113.2')));
      expect(opened.at(-1)!.outcome).toBe('open');
    } finally {
      await closeSockets(opened.map(({ socket }) => socket));
    }
  });
});
