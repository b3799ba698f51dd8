import {
  baseConfigSchema,
  checkVoucherKey,
  databaseConfigSchema,
  portSchema,
  voucherKeysConfigSchema,
} from '@stuffmart/common';
import { z } from 'zod';

/** Where photos live: catalog's own database by default, or any S3-compatible store. */
const photoStorageConfigSchema = z.object({
  PHOTO_STORAGE: z.enum(['postgres', 's3']).default('postgres'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  // The gateway's public address, for photo URLs built when no request names it (the gateway's
  // x-stuffmart-public-url header wins).
  GATEWAY_PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4000'),
  // A photo not attached to a stuff this long after upload (or after it was removed) is deleted.
  PHOTO_ORPHAN_AGE_MS: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 60 * 60 * 1000),
  PHOTO_SWEEP_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1)
    .default(60 * 60 * 1000),
});

function checkS3(env: z.infer<typeof photoStorageConfigSchema>, ctx: z.RefinementCtx): void {
  if (env.PHOTO_STORAGE !== 's3') return;
  for (const name of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
    if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when PHOTO_STORAGE=s3' });
  }
}

export const catalogConfigSchema = baseConfigSchema
  .extend(databaseConfigSchema.shape)
  .extend(voucherKeysConfigSchema.shape)
  .extend(photoStorageConfigSchema.shape)
  .extend({
    CATALOG_PORT: portSchema(4002),
    BIND_HOST: z.string().default('127.0.0.1'),
  })
  .superRefine(checkVoucherKey)
  .superRefine(checkS3);

export type CatalogConfig = z.infer<typeof catalogConfigSchema>;
