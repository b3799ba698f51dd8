import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { within } from '../server/within.js';

export { Redis };

/** Every key of a system lives under its namespace, so two systems can share one Redis. */
export function redisKeyPrefix(namespace: string): string {
  return `${namespace}:`;
}

export function createRedis(url: string, namespace: string, logger: Logger, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    keyPrefix: redisKeyPrefix(namespace),
    connectTimeout: 5000,
    maxRetriesPerRequest: 3,
    ...options,
  });
  // ioredis reconnects by itself; without a listener an outage would crash the process.
  redis.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis connection error'));
  return redis;
}

/** Fails fast at start-up with a readable reason instead of retrying forever. */
export async function assertRedisReachable(redis: Redis, url: string, timeoutMs = 5000): Promise<void> {
  let answered: boolean;
  try {
    answered = await within(timeoutMs, redis.ping());
  } catch (error) {
    throw new Error(`Redis could not be reached: ${(error as Error).message}`);
  }
  if (!answered) throw new Error(`Redis could not be reached: ${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Resolves once the connection has finished its handshake, at once when it has. A connection
 * about to SUBSCRIBE waits for this: ioredis 5 (5.8.2 on, fixed in 6) can write a SUBSCRIBE
 * issued while it connects before its own ready check (INFO), which the connection, now in
 * subscriber mode, refuses; the ready check fails, the connection starts over, and the
 * SUBSCRIBE may never be answered (ioredis#2037). Rejects if the connection ends first.
 */
export function whenReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const ready = () => {
      redis.off('end', ended);
      resolve();
    };
    const ended = () => {
      redis.off('ready', ready);
      reject(new Error('the Redis connection closed before it was ready'));
    };
    redis.once('ready', ready);
    redis.once('end', ended);
  });
}
