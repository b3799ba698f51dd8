import { sql, type Migration } from 'kysely';

/** What orders answered to payment.started: the attempt it holds the order for, and until when. */
export const addOrderHolds: Migration = {
  async up(db) {
    await sql`ALTER TABLE order_copies ADD COLUMN held_by uuid, ADD COLUMN held_until timestamptz`.execute(db);
  },
  async down(db) {
    await sql`ALTER TABLE order_copies DROP COLUMN held_by, DROP COLUMN held_until`.execute(db);
  },
};
