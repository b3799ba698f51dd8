import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const jwtKeySchema = z
  .string({ error: 'is required: the HMAC key for access tokens, at least 32 characters' })
  .min(32, { error: 'must be at least 32 characters' });

export const voucherKeySchema = z.string().min(32, { error: 'must be at least 32 characters' });

export const namespaceSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'must be lower-case letters, digits and _, starting with a letter' })
  .default('stuffmart');

export const portSchema = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const booleanSchema = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

/** What every Stuffmart process reads: the contract's table, "Starting it". */
export const baseConfigSchema = z.object({
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { error: 'must be a redis:// URL' })
    .default('redis://127.0.0.1:6379'),
  STUFFMART_NAMESPACE: namespaceSchema,
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // On SIGTERM, keep answering (while /readyz says 503) this long before closing, so requests
  // already on their way are served rather than reset.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(8000).default(1000),
  // This replica's name in consumer groups; by default the host and port (see consumerName).
  CONSUMER_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/, { error: 'must be 1 to 100 letters, digits, ".", "_", ":" or "-"' })
    .optional(),
  // Prometheus' /metrics, on a port of its own; unset, the service's port + 5000 (gateway 9000).
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  // OTLP/HTTP base URL of a trace collector (Jaeger, Tempo, an OpenTelemetry Collector); unset,
  // nothing is traced and the tracing SDK is not even loaded.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
});

/**
 * The gateway and auth sign (vouchers, access tokens) and so hold JWT_KEY; their voucher key is
 * VOUCHER_KEY when given, else derived from JWT_KEY (`npm run derive-voucher-key` prints it).
 */
export const signingKeysConfigSchema = z.object({
  JWT_KEY: jwtKeySchema,
  VOUCHER_KEY: voucherKeySchema.optional(),
});

/**
 * Catalog, orders and payments only check the gateway's vouchers: VOUCHER_KEY is all they need.
 * JWT_KEY stays accepted for one machine (`npm start`), where the key is derived from it.
 */
export const voucherKeysConfigSchema = z.object({
  JWT_KEY: jwtKeySchema.optional(),
  VOUCHER_KEY: voucherKeySchema.optional(),
});

/** For `.superRefine` on a service's schema: a voucher key can be had, and it is not JWT_KEY itself. */
export function checkVoucherKey(
  keys: { JWT_KEY?: string; VOUCHER_KEY?: string },
  ctx: { addIssue(issue: { code: 'custom'; path: string[]; message: string }): void },
): void {
  if (!keys.VOUCHER_KEY && !keys.JWT_KEY) {
    ctx.addIssue({
      code: 'custom',
      path: ['VOUCHER_KEY'],
      message: 'is required: the key the gateway signs identity vouchers with (npm run derive-voucher-key)',
    });
  } else if (keys.VOUCHER_KEY !== undefined && keys.VOUCHER_KEY === keys.JWT_KEY) {
    // A subgraph holding the voucher key would then hold the key that mints access tokens.
    ctx.addIssue({ code: 'custom', path: ['VOUCHER_KEY'], message: 'must differ from JWT_KEY' });
  }
}

/** What every subgraph that owns a database reads on top of the base. */
export const databaseConfigSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// URL' })
    .default('postgres://postgres@127.0.0.1:5432/postgres'),
  // A role that may create roles and databases: with it the subgraph makes DATABASE_URL's user
  // its own role at start, owning only its database (k8s/README.md, "Least privilege").
  DATABASE_ADMIN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// URL' })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;
export type VoucherKeysConfig = z.infer<typeof voucherKeysConfigSchema>;
export type DatabaseConfig = z.infer<typeof databaseConfigSchema>;
