import type { Kysely } from 'kysely';
import type { AuthDatabase, RefreshTokenRow } from './auth-database.js';

export async function insertRefreshToken(
  db: Kysely<AuthDatabase>,
  token: { familyId: string; userId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db.insertInto('refreshTokens').values(token).execute();
}

/**
 * Marks a live token used and returns it, in one statement: of two requests presenting the
 * same token, exactly one gets the row.
 */
export async function consumeRefreshToken(
  db: Kysely<AuthDatabase>,
  tokenHash: string,
): Promise<RefreshTokenRow | undefined> {
  return db
    .updateTable('refreshTokens')
    .set({ usedAt: new Date() })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', new Date())
    .returningAll()
    .executeTakeFirst();
}

export async function findRefreshToken(
  db: Kysely<AuthDatabase>,
  tokenHash: string,
): Promise<RefreshTokenRow | undefined> {
  return db.selectFrom('refreshTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

export async function revokeFamily(db: Kysely<AuthDatabase>, familyId: string): Promise<void> {
  await db
    .updateTable('refreshTokens')
    .set({ revokedAt: new Date() })
    .where('familyId', '=', familyId)
    .where('revokedAt', 'is', null)
    .execute();
}

/** Every sign-in of the user ends: their refresh tokens are dead from this commit on. */
export async function revokeAllOfUser(db: Kysely<AuthDatabase>, userId: string): Promise<void> {
  await db
    .updateTable('refreshTokens')
    .set({ revokedAt: new Date() })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .execute();
}
