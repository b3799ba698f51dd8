import type { Redis } from '@stuffmart/common';
import { countAttempt, counterKey, forgiveAttempt, type Counter } from './attempt-counter.js';

export interface SignInLimits {
  maxPerEmail: number;
  maxPerAddress: number;
  windowSeconds: number;
}

const emailKey = (email: string) => counterKey('sign-in-failures:email', email);
const addressKey = (address: string) => counterKey('sign-in-failures:address', address);

/**
 * Counts a sign-in attempt before its password is checked, and says whether it is over the
 * limit. Counting first (rather than after a failure) means guesses sent in parallel are
 * counted too: none of them can slip past a check that all of them made at once. The window
 * starts at the first attempt and is not extended by later ones.
 */
export async function countSignInAttempt(
  redis: Redis,
  limits: SignInLimits,
  email: string,
  address: string | null,
): Promise<boolean> {
  const counters: Counter[] = [{ key: emailKey(email), limit: limits.maxPerEmail }];
  if (address) counters.push({ key: addressKey(address), limit: limits.maxPerAddress });
  return countAttempt(redis, counters, limits.windowSeconds);
}

/** A successful sign-in was not a failure: it is taken off the address, and clears the e-mail. */
export async function forgiveSignInAttempt(redis: Redis, email: string, address: string | null): Promise<void> {
  await redis.del(emailKey(email));
  if (address) await forgiveAttempt(redis, [addressKey(address)]);
}
