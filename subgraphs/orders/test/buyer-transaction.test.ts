import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inBuyerTransaction } from '../src/data-access/orders.js';
import type { OrdersDatabase } from '../src/data-access/orders-database.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Resolves when `open()` is called: a transaction's work held open until the test says so. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The BUY's transaction under the buyer's lock (its BEGIN and lock sent as one query), against
 * the real PostgreSQL: no table is needed, only transactions and advisory locks.
 */
describe('a transaction under the buyer’s lock', () => {
  let db: Kysely<OrdersDatabase>;
  beforeAll(() => {
    db = new Kysely<OrdersDatabase>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: DATABASE_URL, max: 3 }) }),
    });
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('runs its work inside one transaction, holding the lock until it commits', async () => {
    const seen = await inBuyerTransaction(db, randomUUID(), async (trx) => {
      await pause(20);
      const { rows } = await sql<{ inside: boolean; locks: number }>`
        SELECT now() <> statement_timestamp() AS inside,
               (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()) AS locks`.execute(
        trx,
      );
      return rows[0];
    });
    expect(seen).toEqual({ inside: true, locks: 1 });
  });

  it('makes a second transaction of the same buyer wait until the first ends, and lets another buyer through meanwhile', async () => {
    const buyer = randomUUID();
    const steps: string[] = [];
    const held = gate();
    const first = inBuyerTransaction(db, buyer, async () => {
      steps.push('first begins');
      await held.opened;
      steps.push('first ends');
    });
    await pause(50);
    const second = inBuyerTransaction(db, buyer, async () => {
      steps.push('second begins');
    });
    await inBuyerTransaction(db, randomUUID(), async () => {
      steps.push('another buyer');
    });
    await pause(100);
    held.open();
    await Promise.all([first, second]);
    expect(steps).toEqual(['first begins', 'another buyer', 'first ends', 'second begins']);
  });

  it('rolls back what its work wrote when the work throws, and hands the connection back outside any transaction', async () => {
    const single = new Kysely<OrdersDatabase>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: DATABASE_URL, max: 1 }) }),
    });
    const table = `buyer_tx_${randomUUID().replaceAll('-', '')}`;
    try {
      await sql`CREATE TABLE ${sql.table(table)} (n int)`.execute(single);
      await expect(
        inBuyerTransaction(single, randomUUID(), async (trx) => {
          await sql`INSERT INTO ${sql.table(table)} VALUES (1)`.execute(trx);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      // The same (only) connection: each statement is its own transaction again, and no lock is left.
      await pause(20);
      const { rows } = await sql<{ inside: boolean; locks: number; written: number }>`
        SELECT now() <> statement_timestamp() AS inside,
               (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()) AS locks,
               (SELECT count(*)::int FROM ${sql.table(table)}) AS written`.execute(single);
      expect(rows[0]).toEqual({ inside: false, locks: 0, written: 0 });
    } finally {
      await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(single);
      await single.destroy();
    }
  });
});
