import { sql, type Migration } from 'kysely';

export const createRefreshTokens: Migration = {
  async up(db) {
    await sql`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(db);
    await sql`CREATE INDEX refresh_tokens_family_id ON refresh_tokens (family_id)`.execute(db);
  },
  async down(db) {
    await sql`DROP TABLE refresh_tokens`.execute(db);
  },
};
