import { sql, type Migration } from 'kysely';

/**
 * Search and categories. Every filter of `stuffs(filter:)` has an index: the words through a
 * GIN index on a generated tsvector (kept right by PostgreSQL on every write, so no code path
 * can forget it), the others through b-trees in the listing's own order, so a filtered page
 * reads only its rows.
 */
export const addSearchAndCategories: Migration = {
  async up(db) {
    // Existing rows become OTHER: the default fills them as the column is added.
    await sql`
      ALTER TABLE stuffs ADD COLUMN category text NOT NULL DEFAULT 'OTHER'
        CHECK (category IN ('NOTES', 'TEXTBOOKS', 'TICKETS', 'ELECTRONICS', 'FURNITURE', 'CLOTHING', 'SPORTS', 'OTHER'))`.execute(
      db,
    );
    // The title weighs more than the description: a word in the title ranks its stuff higher.
    await sql`
      ALTER TABLE stuffs ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'B')
      ) STORED`.execute(db);
    await sql`CREATE INDEX stuffs_search ON stuffs USING gin (search)`.execute(db);
    await sql`CREATE INDEX stuffs_by_category ON stuffs (category, created_at DESC, id DESC)`.execute(db);
    await sql`CREATE INDEX stuffs_by_availability ON stuffs (availability, created_at DESC, id DESC)`.execute(db);
    await sql`CREATE INDEX stuffs_by_currency_and_price ON stuffs (currency, price_cents)`.execute(db);
    await sql`CREATE INDEX stuffs_by_price ON stuffs (price_cents)`.execute(db);
  },
  async down(db) {
    await sql`DROP INDEX stuffs_by_price, stuffs_by_currency_and_price, stuffs_by_availability, stuffs_by_category, stuffs_search`.execute(
      db,
    );
    await sql`ALTER TABLE stuffs DROP COLUMN search, DROP COLUMN category`.execute(db);
  },
};
