import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createLogger } from '@stuffmart/common';
import { afterAll, describe, expect, it } from 'vitest';
import { LiveUpdates } from '../src/live/live-updates.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const namespace = `t_${randomBytes(5).toString('hex')}`;
const connections: Redis[] = [];

function liveUpdates(): LiveUpdates {
  const publisher = new Redis(REDIS_URL);
  const subscriber = new Redis(REDIS_URL);
  connections.push(publisher, subscriber);
  return new LiveUpdates(publisher, subscriber, namespace, createLogger('live-updates-test', 'silent'));
}

afterAll(() => {
  for (const connection of connections) connection.disconnect();
});

describe('live updates', () => {
  it('tells which topics someone listens to, in this process or another, and forgets one nobody hears any more', async () => {
    const here = liveUpdates();
    const elsewhere = liveUpdates();
    expect(await here.listened(['stuff:a', 'stuff:b', 'order:c'])).toEqual(new Set());

    const watching = await elsewhere.subscribe<unknown>('stuff:b');
    expect(await here.listened(['stuff:a', 'stuff:b', 'order:c'])).toEqual(new Set(['stuff:b']));
    const received = watching.next();
    await here.publish('stuff:b', { availability: 'RESERVED' });
    expect((await received).value).toEqual({ availability: 'RESERVED' });

    await watching.return?.();
    await expect.poll(() => here.listened(['stuff:b']), { timeout: 10_000 }).toEqual(new Set());
  });
});
