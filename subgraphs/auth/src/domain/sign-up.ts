import { BadUserInputError } from '@stuffmart/common';
import { insertUser } from '../data-access/users.js';
import type { AuthDeps } from './auth-deps.js';
import { issueSession, type IssuedSession } from './issue-session.js';
import { parseSignUpInput } from './parse-credentials.js';
import { hashPassword } from './password.js';

export async function signUp(deps: AuthDeps, input: { email: string; password: string }): Promise<IssuedSession> {
  const { email, password } = parseSignUpInput(input);
  const role = deps.adminEmails.has(email) ? 'ADMIN' : 'USER';
  const passwordHash = await hashPassword(password, deps.passwordLog2N);
  const user = await insertUser(deps.db, { email, passwordHash, role });
  if (!user) throw new BadUserInputError([{ field: 'email', message: 'Email in use' }]);
  return issueSession(deps.db, deps.jwtKey, user);
}
