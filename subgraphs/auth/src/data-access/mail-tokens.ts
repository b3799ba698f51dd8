import type { Kysely } from 'kysely';
import type { AuthDatabase, MailTokenPurpose } from './auth-database.js';

export async function insertMailToken(
  db: Kysely<AuthDatabase>,
  token: { userId: string; purpose: MailTokenPurpose; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db.insertInto('mailTokens').values(token).execute();
}

/** The user a live token belongs to, without using it up (to refuse a bad token cheaply). */
export async function findLiveMailToken(
  db: Kysely<AuthDatabase>,
  purpose: MailTokenPurpose,
  tokenHash: string,
): Promise<{ userId: string } | undefined> {
  return db
    .selectFrom('mailTokens')
    .select('userId')
    .where('tokenHash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', new Date())
    .executeTakeFirst();
}

/**
 * Uses a live token up and says whose it was, in one statement: of two requests presenting
 * the same token, exactly one gets the user.
 */
export async function consumeMailToken(
  db: Kysely<AuthDatabase>,
  purpose: MailTokenPurpose,
  tokenHash: string,
): Promise<{ userId: string } | undefined> {
  return db
    .updateTable('mailTokens')
    .set({ usedAt: new Date() })
    .where('tokenHash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', new Date())
    .returning('userId')
    .executeTakeFirst();
}

/** Used and expired tokens are kept a week (to answer questions about them), then deleted. */
export async function pruneMailTokens(db: Kysely<AuthDatabase>): Promise<void> {
  await db
    .deleteFrom('mailTokens')
    .where('expiresAt', '<', new Date(Date.now() - 7 * 24 * 60 * 60 * 1000))
    .execute();
}

/** Once one reset link has worked, the others mailed before it must not. */
export async function useUpMailTokens(
  db: Kysely<AuthDatabase>,
  userId: string,
  purpose: MailTokenPurpose,
): Promise<void> {
  await db
    .updateTable('mailTokens')
    .set({ usedAt: new Date() })
    .where('userId', '=', userId)
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .execute();
}
