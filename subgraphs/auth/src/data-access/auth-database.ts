import type { Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '@stuffmart/common';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  /** Null until the owner has followed the link mailed to the address. */
  emailVerifiedAt: Date | null;
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

export type MailTokenPurpose = 'VERIFY_EMAIL' | 'RESET_PASSWORD';

/** A token mailed to a user, kept only as its hash; it works once, until it expires. */
export interface MailTokensTable {
  id: Generated<string>;
  userId: string;
  purpose: MailTokenPurpose;
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Generated<Date>;
}

/** A mail to send, written in the transaction that made its token; deleted once sent. */
export interface MailOutboxTable {
  id: Generated<number>;
  recipient: string;
  template: string;
  /** The token, encrypted: the database never holds a usable token in the clear. */
  sealedToken: string;
  attempts: Generated<number>;
  nextAttemptAt: Generated<Date>;
  createdAt: Generated<Date>;
}

export interface AuthDatabase {
  users: UsersTable;
  refreshTokens: RefreshTokensTable;
  mailTokens: MailTokensTable;
  mailOutbox: MailOutboxTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type MailOutboxRow = Selectable<MailOutboxTable>;
