import {
  assertRedisReachable,
  createLogger,
  createRedis,
  openDatabase,
  startSubgraphServer,
  type RunningServer,
} from '@stuffmart/common';
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
  const logger = createLogger('auth', config.LOG_LEVEL);
  const redis = createRedis(config.REDIS_URL, config.STUFFMART_NAMESPACE, logger);
  await assertRedisReachable(redis, config.REDIS_URL).catch(async (error) => {
    redis.disconnect();
    throw error;
  });
  const database = await openDatabase<AuthDatabase>({
    serverUrl: config.DATABASE_URL,
    namespace: config.STUFFMART_NAMESPACE,
    subgraph: 'auth',
    migrations: authMigrations,
    poolSize: config.DATABASE_POOL_SIZE,
    logger,
  }).catch((error) => {
    redis.disconnect();
    throw new Error(`PostgreSQL could not be reached or migrated: ${(error as Error).message}`);
  });
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
  const server = await startSubgraphServer<AuthContext>({
    name: 'auth',
    schema: await buildAuthSchema(),
    port,
    host: config.BIND_HOST,
    jwtKey: config.JWT_KEY,
    logger,
    readiness: { postgres: database.ping, redis: () => redis.ping() },
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
  return {
    ...server,
    close: async () => {
      await server.close();
      await database.close();
      redis.disconnect();
    },
  };
}
