import { CouponInvalidError, RateLimitedError, ServiceUnavailableError, type Redis } from '@stuffmart/common';

/** Unknown or invalid codes one buyer may try within the window before payOrder with a coupon is refused. */
export const MAX_COUPON_GUESSES = 10;
export const COUPON_GUESS_WINDOW_SECONDS = 15 * 60;

/** One key per buyer, never per code: a guesser cannot grow Redis by trying codes. */
export const couponGuessKey = (buyerId: string) => `coupon-guesses:${buyerId}`;

/**
 * Takes one of the buyer's guesses, or none when they are used up: the check and the count are
 * one step, so guesses sent at once cannot slip past the limit together, and nothing is
 * counted past it. The window starts with the first guess and is not extended by later ones.
 */
const TAKE_GUESS = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used >= tonumber(ARGV[1]) then return 0 end
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[2], 'NX')
return 1`;

async function takeGuess(redis: Redis, buyerId: string): Promise<boolean> {
  try {
    const taken = await redis.eval(
      TAKE_GUESS,
      1,
      couponGuessKey(buyerId),
      MAX_COUPON_GUESSES,
      COUPON_GUESS_WINDOW_SECONDS,
    );
    return taken === 1;
  } catch {
    // Without the count, guessing would be unlimited: refuse coupons until Redis is back.
    throw new ServiceUnavailableError();
  }
}

const RETURN_GUESS = `
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
return 1`;

/** A payment whose coupon was fine was no guess. Failing to give it back only over-counts. */
async function returnGuess(redis: Redis, buyerId: string): Promise<void> {
  await redis.eval(RETURN_GUESS, 1, couponGuessKey(buyerId)).catch(() => undefined);
}

/**
 * Runs a payment that names a coupon as one guess: a code that turns out unknown or invalid
 * (COUPON_INVALID) stays counted; any other outcome was no guess and is given back. Payments
 * without a coupon are not limited.
 */
export async function limitCouponGuesses<T>(
  redis: Redis,
  buyerId: string,
  couponCode: string | null | undefined,
  pay: () => Promise<T>,
): Promise<T> {
  if (!couponCode?.trim()) return pay();
  if (!(await takeGuess(redis, buyerId))) throw new RateLimitedError();
  let outcome: T;
  try {
    outcome = await pay();
  } catch (error) {
    if (!(error instanceof CouponInvalidError)) await returnGuess(redis, buyerId);
    throw error;
  }
  await returnGuess(redis, buyerId);
  return outcome;
}
