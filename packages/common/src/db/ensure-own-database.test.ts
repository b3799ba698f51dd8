import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { databaseName, openDatabase, type Database } from './open-database.js';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const namespace = `t_${randomBytes(5).toString('hex')}`;
const logger = createLogger('roles-test', 'silent');

interface Tables {
  notes: { id: number; body: string };
}

const migrations: Record<string, Migration> = {
  '0001_notes': {
    up: async (db: Kysely<unknown>) => {
      await sql`CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)`.execute(db);
    },
  },
};

/** DATABASE_URL of a subgraph with a role of its own: `<namespace>_<subgraph>` and a password. */
function roleUrl(subgraph: string): string {
  const url = new URL(ADMIN_URL);
  url.username = `${namespace}_${subgraph}`;
  url.password = randomBytes(12).toString('hex');
  return url.toString();
}

function inDatabase(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function query(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function failureCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code ?? (error as Error).message;
  }
}

const opened: Array<Database<Tables>> = [];

async function open(subgraph: string, serverUrl: string): Promise<Database<Tables>> {
  const database = await openDatabase<Tables>({
    serverUrl,
    adminUrl: ADMIN_URL,
    namespace,
    subgraph,
    migrations,
    logger,
  });
  opened.push(database);
  return database;
}

afterAll(async () => {
  for (const database of opened) await database.close();
  const { rows } = await query(ADMIN_URL, `SELECT datname FROM pg_database WHERE datname LIKE '${namespace}\\_%'`);
  for (const { datname } of rows as Array<{ datname: string }>) {
    await query(ADMIN_URL, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  const roles = await query(ADMIN_URL, `SELECT rolname FROM pg_roles WHERE rolname LIKE '${namespace}\\_%'`);
  for (const { rolname } of roles.rows as Array<{ rolname: string }>) await query(ADMIN_URL, `DROP ROLE "${rolname}"`);
});

describe('a subgraph started with DATABASE_ADMIN_URL', () => {
  const catalogUrl = roleUrl('catalog');
  const ordersUrl = roleUrl('orders');

  it("connects as its own role, which owns its tables and cannot open another subgraph's database", async () => {
    const catalog = await open('catalog', catalogUrl);
    await open('orders', ordersUrl);
    await catalog.db.insertInto('notes').values({ id: 1, body: 'mine' }).execute();

    const { rows } = await catalog.pool.query<{ user: string; owner: string }>(
      "SELECT current_user AS user, pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname = 'notes'",
    );
    expect(rows[0]).toEqual({ user: `${namespace}_catalog`, owner: `${namespace}_catalog` });

    const ordersDatabase = databaseName(namespace, 'orders');
    // 42501: insufficient_privilege, "permission denied for database".
    expect(await failureCode(query(inDatabase(catalogUrl, ordersDatabase), 'SELECT 1'))).toBe('42501');
    expect(await failureCode(query(inDatabase(ordersUrl, databaseName(namespace, 'catalog')), 'SELECT 1'))).toBe(
      '42501',
    );
  });

  it('holds no power over the server: no superuser, no new roles, no new databases', async () => {
    const { rows } = await query(
      ADMIN_URL,
      `SELECT rolsuper, rolcreaterole, rolcreatedb, rolcanlogin FROM pg_roles WHERE rolname = '${namespace}_catalog'`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolcanlogin: true });
    const own = inDatabase(catalogUrl, databaseName(namespace, 'catalog'));
    expect(await failureCode(query(own, `CREATE ROLE "${namespace}_intruder"`))).toBe('42501');
    expect(await failureCode(query(own, `CREATE DATABASE "${namespace}_intruder"`))).toBe('42501');
  });

  it('takes over a database made before roles, tables included, and starts again as it is', async () => {
    // As it was when every subgraph connected as the superuser: database and tables are the admin's.
    const before = await openDatabase<Tables>({
      serverUrl: ADMIN_URL,
      namespace,
      subgraph: 'payments',
      migrations,
      logger,
    });
    await before.db.insertInto('notes').values({ id: 7, body: 'kept' }).execute();
    await before.close();

    const paymentsUrl = roleUrl('payments');
    const payments = await open('payments', paymentsUrl);
    expect(await payments.db.selectFrom('notes').select('body').execute()).toEqual([{ body: 'kept' }]);
    await payments.db.insertInto('notes').values({ id: 8, body: 'new' }).execute();
    // A second start (a restart or another replica) finds everything in place.
    const again = await open('payments', paymentsUrl);
    expect(await again.db.selectFrom('notes').select('id').orderBy('id').execute()).toEqual([{ id: 7 }, { id: 8 }]);
  });

  it('refuses to connect as the admin itself or to turn a superuser into a subgraph role', async () => {
    await expect(open('auth', ADMIN_URL)).rejects.toThrow(/own role/);
    const superuser = new URL(roleUrl('auth'));
    await query(ADMIN_URL, `CREATE ROLE "${decodeURIComponent(superuser.username)}" SUPERUSER`);
    await expect(open('auth', superuser.toString())).rejects.toThrow(/superuser/);
  });
});
