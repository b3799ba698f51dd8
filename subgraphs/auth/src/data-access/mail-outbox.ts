import { sql, type Kysely } from 'kysely';
import type { AuthDatabase, MailOutboxRow } from './auth-database.js';

export interface NewMail {
  recipient: string;
  template: string;
  sealedToken: string;
}

/** Call it inside the transaction that makes the token: the mail exists exactly when the token does. */
export async function enqueueMail(db: Kysely<AuthDatabase>, mail: NewMail): Promise<void> {
  await db.insertInto('mailOutbox').values(mail).execute();
}

/**
 * Takes up to `limit` due mails and leases them for `leaseSeconds`: no lock is held while the
 * mail server is talked to, and a sender that dies mid-way only delays its mails by the lease.
 */
export async function leaseDueMails(
  db: Kysely<AuthDatabase>,
  limit: number,
  leaseSeconds: number,
): Promise<MailOutboxRow[]> {
  const { rows } = await sql<MailOutboxRow>`
    UPDATE mail_outbox SET attempts = attempts + 1,
      next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
    WHERE id IN (
      SELECT id FROM mail_outbox WHERE next_attempt_at <= now()
      ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, recipient, template, sealed_token AS "sealedToken", attempts,
      next_attempt_at AS "nextAttemptAt", created_at AS "createdAt"`.execute(db);
  return rows;
}

/** Sent (or given up): the row and its sealed token are gone. */
export async function deleteMail(db: Kysely<AuthDatabase>, id: number): Promise<void> {
  await db.deleteFrom('mailOutbox').where('id', '=', id).execute();
}

export async function postponeMail(db: Kysely<AuthDatabase>, id: number, delaySeconds: number): Promise<void> {
  await sql`UPDATE mail_outbox SET next_attempt_at = now() + make_interval(secs => ${delaySeconds})
    WHERE id = ${id}`.execute(db);
}
