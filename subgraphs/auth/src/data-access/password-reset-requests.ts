import { sql, type Kysely } from 'kysely';
import type { AuthDatabase } from './auth-database.js';

/**
 * Records a reset token and its mail for the user with this e-mail, if there is one, in one
 * statement: a known and an unknown e-mail cost the same round trip, so the answer's timing
 * does not tell which it was.
 */
export async function recordPasswordResetIfUserExists(
  db: Kysely<AuthDatabase>,
  request: { email: string; tokenHash: string; expiresAt: Date; template: string; sealedToken: string },
): Promise<void> {
  await sql`
    WITH target AS (SELECT id, email FROM users WHERE email = ${request.email}),
    token AS (
      INSERT INTO mail_tokens (user_id, purpose, token_hash, expires_at)
      SELECT id, 'RESET_PASSWORD', ${request.tokenHash}, ${request.expiresAt} FROM target),
    mail AS (
      INSERT INTO mail_outbox (recipient, template, sealed_token)
      SELECT email, ${request.template}, ${request.sealedToken} FROM target)
    SELECT 1`.execute(db);
}
