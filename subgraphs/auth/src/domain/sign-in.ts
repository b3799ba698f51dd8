import { InvalidCredentialsError, RateLimitedError } from '@stuffmart/common';
import { countSignInAttempt, forgiveSignInAttempt } from '../data-access/sign-in-failures.js';
import { findUserByEmail } from '../data-access/users.js';
import type { AuthDeps } from './auth-deps.js';
import { parseSignInInput } from './input-rules.js';
import { issueSession, type IssuedSession } from './issue-session.js';
import { verifyPassword } from './password.js';

export async function signIn(deps: AuthDeps, input: unknown, clientIp: string | null): Promise<IssuedSession> {
  const { email, password } = parseSignInInput(input);
  // Counted before the password is checked, or a locked-out guesser could still learn it.
  if (await countSignInAttempt(deps.redis, deps.signInLimits, email, clientIp)) throw new RateLimitedError();
  const user = await findUserByEmail(deps.db, email);
  const matches = await verifyPassword(password, user?.passwordHash ?? deps.decoyPasswordHash);
  if (!user || !matches) throw new InvalidCredentialsError();
  await forgiveSignInAttempt(deps.redis, email, clientIp);
  return issueSession(deps.db, deps.jwtKey, user);
}
