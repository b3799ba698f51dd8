import type { Redis } from '@stuffmart/common';
import { countAttempt, counterKey } from './attempt-counter.js';

const WINDOW_SECONDS = 60 * 60;

/** Counts a sign-up from this address in the current hour; true when past the limit. */
export async function countSignUpAttempt(redis: Redis, maxPerAddress: number, address: string): Promise<boolean> {
  return countAttempt(redis, [{ key: counterKey('sign-up:address', address), limit: maxPerAddress }], WINDOW_SECONDS);
}
