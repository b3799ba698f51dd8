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
