import { isUuid } from '@stuffmart/common';
import type { Kysely } from 'kysely';
import type { AuthDatabase, NewUser, UserRow } from './auth-database.js';

const UNIQUE_VIOLATION = '23505';

/** Null when the e-mail is taken: the unique index decides, not an earlier look-up. */
export async function insertUser(db: Kysely<AuthDatabase>, user: NewUser): Promise<UserRow | null> {
  try {
    return await db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) return null;
    throw error;
  }
}

export async function findUserByEmail(db: Kysely<AuthDatabase>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUsersByIds(db: Kysely<AuthDatabase>, ids: readonly string[]): Promise<UserRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db.selectFrom('users').selectAll().where('id', 'in', valid).execute();
}

/** Marks the address verified and makes the user ADMIN when asked; never takes ADMIN away. */
export async function markEmailVerified(
  db: Kysely<AuthDatabase>,
  userId: string,
  grantAdmin: boolean,
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set((eb) => ({
      emailVerifiedAt: eb.fn.coalesce('emailVerifiedAt', eb.val(new Date())),
      ...(grantAdmin ? { role: 'ADMIN' as const } : {}),
    }))
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

export async function setPasswordHash(
  db: Kysely<AuthDatabase>,
  userId: string,
  passwordHash: string,
): Promise<UserRow | undefined> {
  return db.updateTable('users').set({ passwordHash }).where('id', '=', userId).returningAll().executeTakeFirst();
}

/** The operator's grant and revoke; undefined when no user has the e-mail. */
export async function setRoleByEmail(
  db: Kysely<AuthDatabase>,
  email: string,
  role: UserRow['role'],
): Promise<UserRow | undefined> {
  return db.updateTable('users').set({ role }).where('email', '=', email).returningAll().executeTakeFirst();
}
