import type { Role, SubgraphContext } from '@stuffmart/common';
import type DataLoader from 'dataloader';
import type { UserRow } from '../data-access/auth-database.js';
import type { AuthDeps } from '../domain/auth-deps.js';

export interface AuthContext extends SubgraphContext {
  deps: AuthDeps;
  /** Batches every user look-up of one request into one query. */
  users: DataLoader<string, UserRow | null>;
  /**
   * Who a mutation of this request has just signed in (signUp, verifyEmail …): the answer is
   * read as them, though the request came in signed out or as someone else.
   */
  signedInNow: { userId: string; role: Role } | null;
}

/** Who reads the answer: the user signed in by this request, else the one who sent it. */
export function viewerOf(ctx: AuthContext): { userId: string; role: Role } | null {
  return ctx.signedInNow ?? ctx.user;
}
