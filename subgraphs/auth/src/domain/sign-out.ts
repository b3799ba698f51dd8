import type { Identity } from '@stuffmart/common';
import { findRefreshToken, revokeFamily } from '../data-access/refresh-tokens.js';
import type { AuthDeps } from './auth-deps.js';
import { hashRefreshToken } from './issue-session.js';

/** Revokes the sign-in of the access token and of the refresh cookie, whichever are present. */
export async function signOut(deps: AuthDeps, user: Identity | null, refreshToken: string | undefined): Promise<void> {
  const families = new Set<string>();
  if (user) families.add(user.sessionId);
  if (refreshToken) {
    const token = await findRefreshToken(deps.db, hashRefreshToken(refreshToken));
    if (token) families.add(token.familyId);
  }
  for (const familyId of families) await revokeFamily(deps.db, familyId);
}
