import { createEventTables } from '@stuffmart/common';
import type { Migration } from 'kysely';
import { createUsers } from './0001-create-users.js';
import { createRefreshTokens } from './0002-create-refresh-tokens.js';
import { createAccountsAndMail } from './0004-accounts-and-mail.js';

/** Applied in key order; never edit one that has shipped, add the next. */
export const authMigrations: Record<string, Migration> = {
  '0001-create-users': createUsers,
  '0002-create-refresh-tokens': createRefreshTokens,
  '0003-create-event-tables': createEventTables,
  '0004-accounts-and-mail': createAccountsAndMail,
};
