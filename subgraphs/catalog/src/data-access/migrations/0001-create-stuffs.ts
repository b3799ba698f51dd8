import { sql, type Migration } from 'kysely';

export const createStuffs: Migration = {
  async up(db) {
    // Millisecond timestamps: a cursor carries created_at as a JS Date, which must match exactly.
    await sql`
      CREATE TABLE stuffs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seller_id uuid NOT NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        description text NOT NULL CHECK (char_length(description) <= 5000),
        price_cents integer NOT NULL CHECK (price_cents BETWEEN 1 AND 100000000),
        currency text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
        version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
        availability text NOT NULL DEFAULT 'AVAILABLE' CHECK (availability IN ('AVAILABLE', 'RESERVED', 'SOLD')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`.execute(db);
    await sql`CREATE INDEX stuffs_newest_first ON stuffs (created_at DESC, id DESC)`.execute(db);
    await sql`CREATE INDEX stuffs_by_seller ON stuffs (seller_id, created_at DESC, id DESC)`.execute(db);
  },
  async down(db) {
    await sql`DROP TABLE stuffs`.execute(db);
  },
};
