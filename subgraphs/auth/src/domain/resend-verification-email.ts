import { assertSignedIn, UnauthenticatedError, type Identity } from '@stuffmart/common';
import { findUsersByIds } from '../data-access/users.js';
import type { AuthDeps } from './auth-deps.js';
import { mailNewToken } from './mail-token.js';

/**
 * A new link for the signed-in user, verified or not: an address added to ADMIN_EMAILS after
 * its owner verified it gets its role by verifying again.
 */
export async function resendVerificationEmail(deps: AuthDeps, identity: Identity | null): Promise<boolean> {
  const { userId } = assertSignedIn(identity);
  const [user] = await findUsersByIds(deps.db, [userId]);
  if (!user) throw new UnauthenticatedError();
  await deps.db.transaction().execute((trx) => mailNewToken(trx, deps.jwtKey, user, 'VERIFY_EMAIL'));
  deps.mail.wake();
  return true;
}
