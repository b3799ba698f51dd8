import type { Kysely } from 'kysely';
import type { Redis } from '@stuffmart/common';
import type { AuthDatabase } from '../data-access/auth-database.js';
import type { SignInLimits } from '../data-access/sign-in-failures.js';

/** What the auth use cases need from the outside world, built once at start. */
export interface AuthDeps {
  db: Kysely<AuthDatabase>;
  redis: Redis;
  jwtKey: string;
  /** Become ADMIN when they verify the address. */
  adminEmails: ReadonlySet<string>;
  /** Empty: any domain may sign up. */
  allowedEmailDomains: ReadonlySet<string>;
  passwordLog2N: number;
  signInLimits: SignInLimits;
  signUpMaxPerAddress: number;
  /** Verification or reset mails one address may be sent an hour (each kind counted apart). */
  mailMaxPerRecipient: number;
  /** A hash to compare against when the e-mail is unknown, so timing does not tell. */
  decoyPasswordHash: string;
  /** Tells the mail sender that a committed transaction enqueued mail. */
  mail: { wake(): void };
}
