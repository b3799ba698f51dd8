import { sql, type Migration } from 'kysely';

/**
 * myOrders pages by (created_at, id) with cursors that carry created_at as a JS Date, so the
 * column keeps milliseconds, as a Date does. A buyer's orders awaiting payment are counted on
 * every BUY (the reservation limit), so they get an index of their own.
 */
export const pageOrdersByBuyer: Migration = {
  async up(db) {
    await sql`ALTER TABLE orders ALTER COLUMN created_at TYPE timestamptz(3)`.execute(db);
    await sql`DROP INDEX orders_by_buyer`.execute(db);
    await sql`CREATE INDEX orders_by_buyer ON orders (buyer_id, created_at DESC, id DESC)`.execute(db);
    await sql`CREATE INDEX orders_awaiting_by_buyer ON orders (buyer_id) WHERE status = 'AWAITING_PAYMENT'`.execute(db);
  },
  async down(db) {
    await sql`DROP INDEX orders_awaiting_by_buyer`.execute(db);
    await sql`DROP INDEX orders_by_buyer`.execute(db);
    await sql`CREATE INDEX orders_by_buyer ON orders (buyer_id, created_at DESC)`.execute(db);
    await sql`ALTER TABLE orders ALTER COLUMN created_at TYPE timestamptz`.execute(db);
  },
};
