import { sql, type Migration } from 'kysely';

export const createStuffOrders: Migration = {
  async up(db) {
    // No foreign key to stuffs: the rows come from another service's events, not from here.
    await sql`
      CREATE TABLE stuff_orders (
        order_id uuid PRIMARY KEY,
        stuff_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('AWAITING_PAYMENT', 'CANCELLED', 'COMPLETE')),
        version integer NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX stuff_orders_by_stuff ON stuff_orders (stuff_id)`.execute(db);
  },
  async down(db) {
    await sql`DROP TABLE stuff_orders`.execute(db);
  },
};
