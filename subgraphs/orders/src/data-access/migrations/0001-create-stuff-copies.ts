import { sql, type Migration } from 'kysely';

export const createStuffCopies: Migration = {
  async up(db) {
    await sql`
      CREATE TABLE stuff_copies (
        id uuid PRIMARY KEY,
        seller_id uuid NOT NULL,
        title text NOT NULL,
        price_cents integer NOT NULL,
        currency text NOT NULL,
        version integer NOT NULL
      )`.execute(db);
  },
  async down(db) {
    await sql`DROP TABLE stuff_copies`.execute(db);
  },
};
