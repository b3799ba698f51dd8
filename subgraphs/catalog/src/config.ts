import {
  baseConfigSchema,
  checkVoucherKey,
  databaseConfigSchema,
  portSchema,
  voucherKeysConfigSchema,
} from '@stuffmart/common';
import { z } from 'zod';

export const catalogConfigSchema = baseConfigSchema
  .extend(databaseConfigSchema.shape)
  .extend(voucherKeysConfigSchema.shape)
  .extend({
    CATALOG_PORT: portSchema(4002),
    BIND_HOST: z.string().default('127.0.0.1'),
  })
  .superRefine(checkVoucherKey);

export type CatalogConfig = z.infer<typeof catalogConfigSchema>;
