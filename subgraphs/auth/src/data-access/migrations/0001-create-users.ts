import { sql, type Migration } from 'kysely';

export const createUsers: Migration = {
  async up(db) {
    await sql`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('USER', 'ADMIN')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(db);
  },
  async down(db) {
    await sql`DROP TABLE users`.execute(db);
  },
};
