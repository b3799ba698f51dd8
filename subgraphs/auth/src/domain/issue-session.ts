import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { signAccessToken } from '@stuffmart/common';
import type { Kysely } from 'kysely';
import type { AuthDatabase, UserRow } from '../data-access/auth-database.js';
import { insertRefreshToken } from '../data-access/refresh-tokens.js';

export const REFRESH_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;

export interface IssuedSession {
  user: UserRow;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
}

/** Refresh tokens are stored only as hashes: a leaked table cannot sign anyone in. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A new sign-in starts a family; a refresh continues the family it rotates. */
export async function issueSession(
  db: Kysely<AuthDatabase>,
  jwtKey: string,
  user: UserRow,
  familyId: string = randomUUID(),
): Promise<IssuedSession> {
  const refreshToken = randomBytes(32).toString('base64url');
  await insertRefreshToken(db, {
    familyId,
    userId: user.id,
    tokenHash: hashRefreshToken(refreshToken),
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
  });
  const access = signAccessToken(jwtKey, { userId: user.id, email: user.email, role: user.role, sessionId: familyId });
  return { user, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken };
}
