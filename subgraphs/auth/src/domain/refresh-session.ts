import { UnauthenticatedError } from '@stuffmart/common';
import { consumeRefreshToken, findRefreshToken, revokeFamily } from '../data-access/refresh-tokens.js';
import { findUsersByIds } from '../data-access/users.js';
import type { AuthDeps } from './auth-deps.js';
import { hashRefreshToken, issueSession, type IssuedSession } from './issue-session.js';
import { MAX_TOKEN_LENGTH } from './mail-token.js';

/**
 * Each refresh token works once. A token that was already used (or revoked) coming back
 * means someone else holds a copy, so the whole sign-in is revoked. The user is read afresh,
 * so a role granted or revoked since the last refresh is in the new access token.
 */
export async function refreshSession(deps: AuthDeps, presented: string | undefined): Promise<IssuedSession> {
  if (!presented || presented.length > MAX_TOKEN_LENGTH) throw new UnauthenticatedError();
  const tokenHash = hashRefreshToken(presented);
  const rotated = await deps.db.transaction().execute(async (trx) => {
    const consumed = await consumeRefreshToken(trx, tokenHash);
    if (!consumed) return null;
    const [user] = await findUsersByIds(trx, [consumed.userId]);
    return user ? issueSession(trx, deps.jwtKey, user, consumed.familyId) : null;
  });
  if (rotated) return rotated;
  const known = await findRefreshToken(deps.db, tokenHash);
  if (known) await revokeFamily(deps.db, known.familyId);
  throw new UnauthenticatedError();
}
