import {
  baseConfigSchema,
  checkVoucherKey,
  databaseConfigSchema,
  portSchema,
  voucherKeysConfigSchema,
} from '@stuffmart/common';
import { z } from 'zod';

export const paymentsConfigSchema = baseConfigSchema
  .extend(databaseConfigSchema.shape)
  .extend(voucherKeysConfigSchema.shape)
  .extend({
    PAYMENTS_PORT: portSchema(4004),
    BIND_HOST: z.string().default('127.0.0.1'),
    // Without a key only fully discounted orders can be paid.
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_API_URL: z.url({ error: 'must be a URL, e.g. http://127.0.0.1:12111' }).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  })
  .superRefine(checkVoucherKey);

export type PaymentsConfig = z.infer<typeof paymentsConfigSchema>;
