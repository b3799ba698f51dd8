import {
  baseConfigSchema,
  checkVoucherKey,
  databaseConfigSchema,
  portSchema,
  voucherKeysConfigSchema,
} from '@stuffmart/common';
import { z } from 'zod';

export const ordersConfigSchema = baseConfigSchema
  .extend(databaseConfigSchema.shape)
  .extend(voucherKeysConfigSchema.shape)
  .extend({
    ORDERS_PORT: portSchema(4003),
    BIND_HOST: z.string().default('127.0.0.1'),
    RESERVATION_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    MAX_ACTIVE_ORDERS_PER_BUYER: z.coerce.number().int().min(1).default(3),
    // The safety net behind the expiration worker: how often overdue orders are looked for.
    EXPIRY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(1000),
    // How long past its expiry a payment under way may hold an order while its outcome comes.
    PAYMENT_HOLD_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  })
  .superRefine(checkVoucherKey);

export type OrdersConfig = z.infer<typeof ordersConfigSchema>;
