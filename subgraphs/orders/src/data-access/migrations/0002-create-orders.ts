import { sql, type Migration } from 'kysely';

export const createOrders: Migration = {
  async up(db) {
    await sql`
      CREATE TABLE orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        stuff_id uuid NOT NULL,
        buyer_id uuid NOT NULL,
        seller_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('AWAITING_PAYMENT', 'COMPLETE', 'CANCELLED')),
        price_cents integer NOT NULL,
        currency text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 0
      )`.execute(db);
    // The heart of a sale: at most one order per stuff may hold it (awaiting payment) or own
    // it (complete). However many BUYs arrive at once, the database lets exactly one in.
    await sql`
      CREATE UNIQUE INDEX orders_one_active_per_stuff ON orders (stuff_id)
      WHERE status IN ('AWAITING_PAYMENT', 'COMPLETE')`.execute(db);
    await sql`CREATE INDEX orders_by_buyer ON orders (buyer_id, created_at DESC)`.execute(db);
    await sql`CREATE INDEX orders_awaiting_by_expiry ON orders (expires_at) WHERE status = 'AWAITING_PAYMENT'`.execute(
      db,
    );
  },
  async down(db) {
    await sql`DROP TABLE orders`.execute(db);
  },
};
