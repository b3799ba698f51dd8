import { BadUserInputError, RateLimitedError } from '@stuffmart/common';
import { countSignUpAttempt } from '../data-access/sign-up-attempts.js';
import { insertUser } from '../data-access/users.js';
import type { AuthDeps } from './auth-deps.js';
import { parseSignUpInput } from './input-rules.js';
import { issueSession, type IssuedSession } from './issue-session.js';
import { mailNewToken } from './mail-token.js';
import { hashPassword } from './password.js';

/**
 * Everyone starts as USER, even with an address of ADMIN_EMAILS: the role comes only once the
 * owner has shown they read the address's mail (verify-email.ts).
 */
export async function signUp(deps: AuthDeps, input: unknown, clientIp: string | null): Promise<IssuedSession> {
  const { email, password, displayName } = parseSignUpInput(input, deps.allowedEmailDomains);
  // Counted before the costly hash, so a flood of sign-ups costs us a Redis call each.
  if (await countSignUpAttempt(deps.redis, deps.signUpMaxPerAddress, clientIp ?? '')) throw new RateLimitedError();
  const passwordHash = await hashPassword(password, deps.passwordLog2N);
  const session = await deps.db.transaction().execute(async (trx) => {
    const user = await insertUser(trx, { email, displayName, passwordHash, role: 'USER' });
    if (!user) throw new BadUserInputError([{ field: 'email', message: 'Email in use' }]);
    await mailNewToken(trx, deps.jwtKey, user, 'VERIFY_EMAIL');
    return issueSession(trx, deps.jwtKey, user);
  });
  deps.mail.wake();
  return session;
}
