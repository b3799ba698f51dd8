import type { Redis } from '@stuffmart/common';

export interface SignInLimits {
  maxPerEmail: number;
  maxPerAddress: number;
  windowSeconds: number;
}

const emailKey = (email: string) => `sign-in-failures:email:${email}`;
const addressKey = (address: string) => `sign-in-failures:address:${address}`;

function keysFor(email: string, address: string | null): string[] {
  return address ? [emailKey(email), addressKey(address)] : [emailKey(email)];
}

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
  const pipeline = redis.multi();
  for (const key of keysFor(email, address)) {
    pipeline.incr(key);
    pipeline.expire(key, limits.windowSeconds, 'NX');
  }
  const results = (await pipeline.exec()) ?? [];
  const [forEmail, forAddress] = [Number(results[0]?.[1] ?? 0), Number(results[2]?.[1] ?? 0)];
  return forEmail > limits.maxPerEmail || forAddress > limits.maxPerAddress;
}

/** A successful sign-in was not a failure: it is taken off the address, and clears the e-mail. */
export async function forgiveSignInAttempt(redis: Redis, email: string, address: string | null): Promise<void> {
  const pipeline = redis.multi().del(emailKey(email));
  if (address) pipeline.decr(addressKey(address));
  await pipeline.exec();
}
