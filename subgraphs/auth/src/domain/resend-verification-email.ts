import { assertSignedIn, UnauthenticatedError, type Identity } from '@stuffmart/common';
import { countMailAttempt } from '../data-access/mail-attempts.js';
import { findUsersByIds } from '../data-access/users.js';
import type { AuthDeps } from './auth-deps.js';
import { mailNewToken } from './mail-token.js';

/**
 * A new link for the signed-in user, verified or not: an address added to ADMIN_EMAILS after
 * its owner verified it gets its role by verifying again. Past MAIL_MAX_PER_RECIPIENT an hour it
 * answers true and sends nothing more: the links already sent still work.
 */
export async function resendVerificationEmail(deps: AuthDeps, identity: Identity | null): Promise<boolean> {
  const { userId } = assertSignedIn(identity);
  const [user] = await findUsersByIds(deps.db, [userId]);
  if (!user) throw new UnauthenticatedError();
  if (await countMailAttempt(deps.redis, deps.mailMaxPerRecipient, 'VERIFY_EMAIL', user.email)) return true;
  await deps.db.transaction().execute((trx) => mailNewToken(trx, deps.jwtKey, user, 'VERIFY_EMAIL'));
  deps.mail.wake();
  return true;
}
