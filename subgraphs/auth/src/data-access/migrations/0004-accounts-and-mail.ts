import { sql, type Migration } from 'kysely';

/**
 * Users get a public name and a verified flag; mail tokens are kept only as hashes; mail waits
 * in its own outbox until the mail server has it.
 */
export const createAccountsAndMail: Migration = {
  async up(db) {
    // Users made before display names existed are named after their address's local part.
    await sql`ALTER TABLE users ADD COLUMN display_name text`.execute(db);
    await sql`UPDATE users SET display_name = left(split_part(email, '@', 1), 50)`.execute(db);
    await sql`ALTER TABLE users ALTER COLUMN display_name SET NOT NULL`.execute(db);
    await sql`ALTER TABLE users ADD CONSTRAINT users_display_name_length
      CHECK (char_length(display_name) BETWEEN 1 AND 50)`.execute(db);
    await sql`ALTER TABLE users ADD COLUMN email_verified_at timestamptz`.execute(db);
    // Every ADMIN so far got the role from ADMIN_EMAILS at sign-up, without proving the address
    // was theirs: a squatter may be among them. They become USER, and the owners of the listed
    // addresses get the role back by verifying (resendVerificationEmail), as everyone now must.
    await sql`UPDATE users SET role = 'USER' WHERE role = 'ADMIN'`.execute(db);
    await sql`
      CREATE TABLE mail_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(db);
    await sql`CREATE INDEX mail_tokens_expires_at ON mail_tokens (expires_at)`.execute(db);
    await sql`
      CREATE TABLE mail_outbox (
        id bigserial PRIMARY KEY,
        recipient text NOT NULL,
        template text NOT NULL,
        sealed_token text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(db);
    await sql`CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at)`.execute(db);
  },
  async down(db) {
    await sql`DROP TABLE mail_outbox`.execute(db);
    await sql`DROP TABLE mail_tokens`.execute(db);
    await sql`ALTER TABLE users DROP COLUMN email_verified_at`.execute(db);
    await sql`ALTER TABLE users DROP COLUMN display_name`.execute(db);
  },
};
