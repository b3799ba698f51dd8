import type { Redis } from '@stuffmart/common';
import { countAttempt, counterKey } from './attempt-counter.js';

const WINDOW_SECONDS = 60 * 60;

export type MailKind = 'VERIFY_EMAIL' | 'RESET_PASSWORD';

/**
 * Counts one more mail of `kind` to `recipient` in the current hour; true when past the limit.
 * Keyed by the address asked for (hashed), whether or not an account has it, so the count says
 * nothing about who is registered.
 */
export async function countMailAttempt(
  redis: Redis,
  maxPerRecipient: number,
  kind: MailKind,
  recipient: string,
): Promise<boolean> {
  return countAttempt(redis, [{ key: counterKey(`mail:${kind}`, recipient), limit: maxPerRecipient }], WINDOW_SECONDS);
}
