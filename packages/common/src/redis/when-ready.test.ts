import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { whenReady } from './create-redis.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const connections: Redis[] = [];

function connection(options: { lazyConnect?: boolean } = {}): Redis {
  const redis = new Redis(REDIS_URL, options);
  redis.on('error', () => undefined);
  connections.push(redis);
  return redis;
}

afterAll(() => {
  for (const redis of connections) redis.disconnect();
});

describe('whenReady', () => {
  it('waits for a connecting connection’s handshake, so a SUBSCRIBE right after it is answered', async () => {
    const redis = connection();
    expect(redis.status).not.toBe('ready');
    await whenReady(redis);
    expect(redis.status).toBe('ready');
    expect(await redis.subscribe('when-ready-test')).toBe(1);
    // Ready already: at once.
    await whenReady(redis);
  });

  it('rejects when the connection ends before it is ready', async () => {
    const redis = connection({ lazyConnect: true });
    const ready = whenReady(redis);
    redis.disconnect();
    await expect(ready).rejects.toThrow(/closed before it was ready/);
  });
});
