import { revokeAllOfUser } from '../data-access/refresh-tokens.js';
import { consumeMailToken, findLiveMailToken, useUpMailTokens } from '../data-access/mail-tokens.js';
import { setPasswordHash } from '../data-access/users.js';
import type { AuthDeps } from './auth-deps.js';
import { parseResetPasswordInput } from './input-rules.js';
import { invalidToken } from './invalid-token.js';
import { issueSession, type IssuedSession } from './issue-session.js';
import { hashMailToken } from './mail-token.js';
import { hashPassword } from './password.js';

/** Sets the new password, ends every other sign-in of the user, and signs in. */
export async function resetPassword(deps: AuthDeps, input: unknown): Promise<IssuedSession> {
  const { token, password } = parseResetPasswordInput(input);
  const tokenHash = hashMailToken(token);
  // Looked up before the costly hash: a made-up token costs us one query, not a scrypt.
  if (!(await findLiveMailToken(deps.db, 'RESET_PASSWORD', tokenHash))) throw invalidToken();
  const passwordHash = await hashPassword(password, deps.passwordLog2N);
  return deps.db.transaction().execute(async (trx) => {
    const owner = await consumeMailToken(trx, 'RESET_PASSWORD', tokenHash);
    if (!owner) throw invalidToken();
    const user = await setPasswordHash(trx, owner.userId, passwordHash);
    if (!user) throw invalidToken();
    await useUpMailTokens(trx, user.id, 'RESET_PASSWORD');
    await revokeAllOfUser(trx, user.id);
    return issueSession(trx, deps.jwtKey, user);
  });
}
