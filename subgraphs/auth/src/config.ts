import {
  baseConfigSchema,
  checkVoucherKey,
  databaseConfigSchema,
  namespaceSchema,
  portSchema,
  signingKeysConfigSchema,
} from '@stuffmart/common';
import { z } from 'zod';

/** A comma-separated list, trimmed and lower-cased, as a set. */
const lowerCaseSet = z
  .string()
  .default('')
  .transform(
    (list) =>
      new Set(
        list
          .split(',')
          .map((entry) => entry.trim().toLowerCase())
          .filter(Boolean),
      ),
  );

export const authConfigSchema = baseConfigSchema
  .extend(databaseConfigSchema.shape)
  .extend(signingKeysConfigSchema.shape)
  .extend({
    AUTH_PORT: portSchema(4001),
    BIND_HOST: z.string().default('127.0.0.1'),
    /** Granted ADMIN when their owner verifies the address, never at sign-up. */
    ADMIN_EMAILS: lowerCaseSet,
    /** When not empty, the only domains signUp accepts. */
    ALLOWED_EMAIL_DOMAINS: lowerCaseSet,
    /** Without it, mail is written to the log instead of sent. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, { error: 'must be an smtp:// or smtps:// URL' })
      .optional(),
    MAIL_FROM: z.string().default('Stuffmart <no-reply@stuffmart.local>'),
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .default('http://127.0.0.1:3000')
      .transform((url) => url.replace(/\/+$/, '')),
    SIGN_UP_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
    // Against mail bombing: verification or reset mails one address gets an hour, per kind.
    MAIL_MAX_PER_RECIPIENT: z.coerce.number().int().min(1).default(5),
    SIGN_IN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
    SIGN_IN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).default(900),
    // OWASP's scrypt recommendation is 2^17; lower only where many throw-away users are made (tests).
    PASSWORD_SCRYPT_LOG2_N: z.coerce.number().int().min(14).max(20).default(17),
  })
  .superRefine(checkVoucherKey);

export type AuthConfig = z.infer<typeof authConfigSchema>;

/** What `npm run admin` needs: only the database; no key, no Redis, no mail. */
export const adminCommandConfigSchema = databaseConfigSchema.extend({ STUFFMART_NAMESPACE: namespaceSchema });

export type AdminCommandConfig = z.infer<typeof adminCommandConfigSchema>;
