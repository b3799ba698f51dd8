import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, type Migration } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { ensureOwnDatabase } from './ensure-own-database.js';
import { traceStatement } from '../telemetry/trace-sql.js';

// Timestamps and big counters arrive as JS values we control: timestamptz as Date (pg's
// default) and int8 as number, which is safe for our counters and cents.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface DatabaseOptions {
  /** The PostgreSQL server and the role to connect as, e.g. DATABASE_URL; its own database is only used to create ours. */
  serverUrl: string;
  /**
   * DATABASE_ADMIN_URL: when given, the role of serverUrl is created (or its password updated)
   * and made the only one that may connect to the subgraph's database, which it owns.
   */
  adminUrl?: string;
  namespace: string;
  subgraph: string;
  migrations: Record<string, Migration>;
  poolSize?: number;
  logger: Logger;
}

export interface Database<DB> {
  db: Kysely<DB>;
  pool: pg.Pool;
  name: string;
  ping(): Promise<void>;
  /** Statements run through Kysely since start: the request path's database work. */
  statements(): number;
  close(): Promise<void>;
}

export function databaseName(namespace: string, subgraph: string): string {
  return `${namespace}_${subgraph}`;
}

function urlForDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  // A dropped connection also fails the query in hand, which is what reports it.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    // The name is validated by the config schema (lower-case letters, digits, _), so quoting is enough.
    await client.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    // Two processes starting at once both see no database; the loser's CREATE fails harmlessly.
    const code = (error as { code?: string }).code;
    if (code !== DUPLICATE_DATABASE && code !== UNIQUE_VIOLATION) throw error;
  } finally {
    await client.end();
  }
}

/**
 * Creates the subgraph's own database when missing, connects a pool to it and brings its
 * schema to the latest migration. Kysely's migrator takes a lock, so replicas starting
 * together migrate once.
 */
export async function openDatabase<DB>(options: DatabaseOptions): Promise<Database<DB>> {
  const name = databaseName(options.namespace, options.subgraph);
  if (options.adminUrl) await ensureOwnDatabase(options.adminUrl, options.serverUrl, name);
  else await ensureDatabase(options.serverUrl, name);
  const pool = new pg.Pool({
    connectionString: urlForDatabase(options.serverUrl, name),
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client whose server went away emits here; without a listener the process dies.
  pool.on('error', (error) => options.logger.warn({ err: error }, 'idle database connection lost'));
  // A connection lost while checked out (between two queries of a transaction) errors on the
  // client itself; unheard, that would crash the process. The query in hand fails as it should.
  pool.on('connect', (client) => {
    client.on('error', (error) => options.logger.warn({ err: error.message }, 'database connection lost'));
  });
  let statements = 0;
  // Tables and columns are snake_case in SQL and camelCase in TypeScript.
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === 'query') statements += 1;
      traceStatement(options.subgraph, name, event);
    },
  });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => options.migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    if (result.status === 'Success') options.logger.info({ migration: result.migrationName }, 'migrated');
  }
  if (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    pool,
    name,
    ping: async () => {
      await pool.query('SELECT 1');
    },
    statements: () => statements,
    close: () => db.destroy(),
  };
}
