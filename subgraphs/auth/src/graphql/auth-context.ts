import type { SubgraphContext } from '@stuffmart/common';
import type DataLoader from 'dataloader';
import type { UserRow } from '../data-access/auth-database.js';
import type { AuthDeps } from '../domain/auth-deps.js';

export interface AuthContext extends SubgraphContext {
  deps: AuthDeps;
  /** Batches every user look-up of one request into one query. */
  users: DataLoader<string, UserRow | null>;
}
