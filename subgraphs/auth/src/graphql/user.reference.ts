import type { UserRow } from '../data-access/auth-database.js';
import type { AuthContext } from './auth-context.js';

/** Other subgraphs hold only `User { id }`; the gateway asks here for the rest, batched. */
export async function resolveUserReference(reference: { id: string }, ctx: AuthContext): Promise<UserRow | null> {
  return ctx.users.load(reference.id);
}
