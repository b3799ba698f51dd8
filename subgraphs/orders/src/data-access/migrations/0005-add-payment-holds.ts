import { sql, type Migration } from 'kysely';

/**
 * A payment under way holds its order: the expiry leaves it alone until `held_until`, so a
 * charge and the expiry never cross.
 */
export const addPaymentHolds: Migration = {
  async up(db) {
    await sql`ALTER TABLE orders ADD COLUMN held_by uuid, ADD COLUMN held_until timestamptz`.execute(db);
  },
  async down(db) {
    await sql`ALTER TABLE orders DROP COLUMN held_by, DROP COLUMN held_until`.execute(db);
  },
};
