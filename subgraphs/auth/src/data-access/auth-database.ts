import type { Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '@stuffmart/common';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  passwordHash: string;
  role: Role;
  createdAt: Generated<Date>;
}

/** One row per refresh token; a family is one sign-in and all its rotations. */
export interface RefreshTokensTable {
  id: Generated<string>;
  familyId: string;
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Generated<Date>;
}

export interface AuthDatabase {
  users: UsersTable;
  refreshTokens: RefreshTokensTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
