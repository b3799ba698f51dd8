import { openSubgraphRuntime, type RunningServer } from '@stuffmart/common';
import DataLoader from 'dataloader';
import type { AuthConfig } from './config.js';
import type { AuthDatabase, UserRow } from './data-access/auth-database.js';
import { authMigrations } from './data-access/migrations/index.js';
import { findUsersByIds } from './data-access/users.js';
import type { AuthDeps } from './domain/auth-deps.js';
import { hashPassword } from './domain/password.js';
import type { AuthContext } from './graphql/auth-context.js';
import { buildAuthSchema } from './graphql/build-auth-schema.js';

export async function startAuth(config: AuthConfig, port = config.AUTH_PORT): Promise<RunningServer> {
  const runtime = await openSubgraphRuntime<AuthDatabase>({ name: 'auth', config, migrations: authMigrations });
  const { database, redis } = runtime;
  const deps: AuthDeps = {
    db: database.db,
    redis,
    jwtKey: config.JWT_KEY,
    adminEmails: config.ADMIN_EMAILS,
    passwordLog2N: config.PASSWORD_SCRYPT_LOG2_N,
    signInLimits: {
      maxPerEmail: config.SIGN_IN_MAX_FAILURES_PER_EMAIL,
      maxPerAddress: config.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: config.SIGN_IN_LOCKOUT_SECONDS,
    },
    decoyPasswordHash: await hashPassword('decoy password never matches', config.PASSWORD_SCRYPT_LOG2_N),
  };
  return runtime.serve<AuthContext>({
    schema: await buildAuthSchema(),
    port,
    host: config.BIND_HOST,
    extendContext: (base) => ({
      ...base,
      deps,
      users: new DataLoader<string, UserRow | null>(async (ids) => {
        const rows = await findUsersByIds(database.db, ids);
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    }),
  });
}
