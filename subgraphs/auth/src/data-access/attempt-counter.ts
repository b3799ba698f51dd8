import { createHash } from 'node:crypto';
import type { Redis } from '@stuffmart/common';

/**
 * Keys never hold what a client sent, only its hash: however long or strange the input, a
 * counter's key has the same short length.
 */
export function counterKey(kind: string, value: string): string {
  return `${kind}:${createHash('sha256').update(value).digest('base64url')}`;
}

// For each key: count one more attempt unless it is already past its limit (a counter never
// grows beyond limit + 1), start the window at the first attempt, and say whether any is over.
const COUNT = `
local over = 0
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[i + 1])
  local count = tonumber(redis.call('GET', key) or '0')
  if count <= limit then
    count = redis.call('INCR', key)
  end
  if redis.call('TTL', key) < 0 then redis.call('EXPIRE', key, ARGV[1]) end
  if count > limit then over = 1 end
end
return over`;

// Takes one attempt back, deleting the counter at zero; a counter that has expired stays gone.
const FORGIVE = `
for _, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 and redis.call('DECR', key) <= 0 then redis.call('DEL', key) end
end
return 0`;

export interface Counter {
  key: string;
  limit: number;
}

/** Counts an attempt on every counter at once; true when any of them is past its limit. */
export async function countAttempt(redis: Redis, counters: Counter[], windowSeconds: number): Promise<boolean> {
  const over = await redis.eval(
    COUNT,
    counters.length,
    ...counters.map((counter) => counter.key),
    windowSeconds,
    ...counters.map((counter) => counter.limit),
  );
  return over === 1;
}

export async function forgiveAttempt(redis: Redis, keys: string[]): Promise<void> {
  if (keys.length > 0) await redis.eval(FORGIVE, keys.length, ...keys);
}
