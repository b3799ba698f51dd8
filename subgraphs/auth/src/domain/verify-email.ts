import { consumeMailToken } from '../data-access/mail-tokens.js';
import { findUsersByIds, markEmailVerified } from '../data-access/users.js';
import type { AuthDeps } from './auth-deps.js';
import { parseTokenArgument } from './input-rules.js';
import { invalidToken } from './invalid-token.js';
import { issueSession, type IssuedSession } from './issue-session.js';
import { hashMailToken } from './mail-token.js';

/** The one place ADMIN_EMAILS grants ADMIN: the owner of the address has just proven it. */
export async function verifyEmail(deps: AuthDeps, input: unknown): Promise<IssuedSession> {
  const token = parseTokenArgument(input);
  return deps.db.transaction().execute(async (trx) => {
    const owner = await consumeMailToken(trx, 'VERIFY_EMAIL', hashMailToken(token));
    if (!owner) throw invalidToken();
    const [user] = await findUsersByIds(trx, [owner.userId]);
    if (!user) throw invalidToken();
    const verified = await markEmailVerified(trx, user.id, deps.adminEmails.has(user.email));
    if (!verified) throw invalidToken();
    return issueSession(trx, deps.jwtKey, verified);
  });
}
