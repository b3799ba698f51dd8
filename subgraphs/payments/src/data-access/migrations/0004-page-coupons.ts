import { sql, type Migration } from 'kysely';

/**
 * Coupons are listed newest first by (created_at, code) with cursors that carry created_at as
 * a JS Date, so the column keeps milliseconds, as a Date does.
 */
export const pageCoupons: Migration = {
  async up(db) {
    await sql`ALTER TABLE coupons ALTER COLUMN created_at TYPE timestamptz(3)`.execute(db);
    await sql`CREATE INDEX coupons_newest_first ON coupons (created_at DESC, code DESC)`.execute(db);
  },
  async down(db) {
    await sql`DROP INDEX coupons_newest_first`.execute(db);
    await sql`ALTER TABLE coupons ALTER COLUMN created_at TYPE timestamptz`.execute(db);
  },
};
