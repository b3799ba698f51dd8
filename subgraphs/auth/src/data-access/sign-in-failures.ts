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

/** True when this e-mail or this address has failed too often within the window. */
export async function isSignInLocked(
  redis: Redis,
  limits: SignInLimits,
  email: string,
  address: string | null,
): Promise<boolean> {
  const [forEmail, forAddress] = await redis.mget(...keysFor(email, address));
  return Number(forEmail ?? 0) >= limits.maxPerEmail || Number(forAddress ?? 0) >= limits.maxPerAddress;
}

/** The window starts at the first failure and is not extended by later ones. */
export async function recordSignInFailure(
  redis: Redis,
  limits: SignInLimits,
  email: string,
  address: string | null,
): Promise<void> {
  const pipeline = redis.multi();
  for (const key of keysFor(email, address)) {
    pipeline.incr(key);
    pipeline.expire(key, limits.windowSeconds, 'NX');
  }
  await pipeline.exec();
}

export async function clearSignInFailures(redis: Redis, email: string): Promise<void> {
  await redis.del(emailKey(email));
}
