import pg from 'pg';
import type { TestSystem } from '../../../../test/system/index.js';

/** Runs one statement against the test system's auth database, to look at (or age) what it stored. */
export async function authSql<R extends pg.QueryResultRow = Record<string, unknown>>(
  system: TestSystem,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const url = new URL(system.env.DATABASE_URL!);
  url.pathname = `/${system.env.STUFFMART_NAMESPACE}_auth`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}
