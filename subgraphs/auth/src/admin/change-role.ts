import { createLogger, openDatabase, type Role } from '@stuffmart/common';
import type { AdminCommandConfig } from '../config.js';
import type { AuthDatabase } from '../data-access/auth-database.js';
import { authMigrations } from '../data-access/migrations/index.js';
import { setRoleByEmail } from '../data-access/users.js';

/**
 * The operator's grant and revoke: sets the role in the database at once. Access tokens
 * already out keep their role until their next refreshSession (at most 15 minutes), which
 * reads the role afresh. False when no user has the e-mail.
 */
export async function changeRole(config: AdminCommandConfig, email: string, role: Role): Promise<boolean> {
  const database = await openDatabase<AuthDatabase>({
    serverUrl: config.DATABASE_URL,
    namespace: config.STUFFMART_NAMESPACE,
    subgraph: 'auth',
    migrations: authMigrations,
    poolSize: 1,
    logger: createLogger('auth-admin', 'warn'),
  });
  try {
    return (await setRoleByEmail(database.db, email.trim().toLowerCase(), role)) !== undefined;
  } finally {
    await database.close();
  }
}
