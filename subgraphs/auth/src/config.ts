import {
  baseConfigSchema,
  checkVoucherKey,
  databaseConfigSchema,
  portSchema,
  signingKeysConfigSchema,
} from '@stuffmart/common';
import { z } from 'zod';

export const authConfigSchema = baseConfigSchema
  .extend(databaseConfigSchema.shape)
  .extend(signingKeysConfigSchema.shape)
  .extend({
    AUTH_PORT: portSchema(4001),
    BIND_HOST: z.string().default('127.0.0.1'),
    ADMIN_EMAILS: z
      .string()
      .default('')
      .transform(
        (list) =>
          new Set(
            list
              .split(',')
              .map((email) => email.trim().toLowerCase())
              .filter(Boolean),
          ),
      ),
    SIGN_IN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
    SIGN_IN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).default(900),
    // OWASP's scrypt recommendation is 2^17; lower only where many throw-away users are made (tests).
    PASSWORD_SCRYPT_LOG2_N: z.coerce.number().int().min(14).max(20).default(17),
  })
  .superRefine(checkVoucherKey);

export type AuthConfig = z.infer<typeof authConfigSchema>;
