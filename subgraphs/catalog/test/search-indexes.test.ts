import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseName } from '@stuffmart/common';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { CatalogDatabase } from '../src/data-access/catalog-database.js';
import { searchStuffsQuery } from '../src/data-access/search-stuffs.js';
import type { StuffSearch } from '../src/domain/parse-stuff-filter.js';

let system: TestSystem;
let db: Kysely<CatalogDatabase>;

beforeAll(async () => {
  system = await startTestSystem();
  const url = new URL(system.env.DATABASE_URL!);
  url.pathname = `/${databaseName(system.env.STUFFMART_NAMESPACE!, 'catalog')}`;
  db = new Kysely<CatalogDatabase>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 1 }) }),
    plugins: [new CamelCasePlugin()],
  });
  // A catalogue big enough for the planner to weigh its choices, each filter picking few rows.
  await sql`
    INSERT INTO stuffs (seller_id, title, description, price_cents, currency, availability, category, created_at)
    SELECT gen_random_uuid(),
           CASE WHEN n % 100 = 0 THEN 'calculus notes ' || n ELSE 'thing ' || n END,
           'a description',
           n,
           CASE WHEN n % 100 = 1 THEN 'eur' ELSE 'usd' END,
           CASE WHEN n % 100 = 2 THEN 'AVAILABLE' ELSE 'SOLD' END,
           CASE WHEN n % 100 = 3 THEN 'NOTES' ELSE 'OTHER' END,
           now() - n * interval '1 second'
    FROM generate_series(1, 5000) AS n`.execute(db);
  await sql`ANALYZE stuffs`.execute(db);
});
afterAll(async () => {
  await db?.destroy();
  await system?.close();
});

/**
 * How PostgreSQL would run the listing's statement if it could not read the whole table: a
 * condition without an index would still need a sequential scan (or a full index walk that
 * checks the condition row by row, with no Index Cond for it).
 */
async function planOf(search: StuffSearch): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    const rows = await searchStuffsQuery(trx, search, null, 21).explain('json');
    return JSON.stringify(rows);
  });
}

/** The conditions an index answers in the plan (Index Cond of index scans, Recheck Cond of bitmap scans). */
function indexConditions(plan: string): string {
  return [...plan.matchAll(/"(?:Index Cond|Recheck Cond)":\s*"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]).join(' ');
}

describe('every filter of stuffs is answered by an index', () => {
  const cases: Array<[string, StuffSearch, RegExp]> = [
    ['words', { query: 'calculus notes' }, /search @@/],
    ['availability', { availability: ['AVAILABLE'] }, /availability/],
    ['category', { category: 'NOTES' }, /category/],
    ['currency', { currency: 'eur' }, /currency/],
    [
      'all of them at once',
      { query: 'calculus', availability: ['AVAILABLE'], category: 'NOTES', maxPriceCents: 40 },
      /./,
    ],
    ['a price range', { minPriceCents: 100, maxPriceCents: 140 }, /price_cents/],
    ['a price cap', { maxPriceCents: 40 }, /price_cents/],
  ];
  for (const [name, search, column] of cases) {
    it(`reads ${name} through an index, never the whole table`, async () => {
      const plan = await planOf(search);
      expect(plan).not.toContain('Seq Scan');
      expect(indexConditions(plan)).toMatch(column);
    });
  }
});
