import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workspaceOf, type Deployable } from '../../scripts/build.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface EnvSchema {
  safeParse(env: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } };
}

/**
 * The zod schema a deployable validates its environment with at start: `<name>ConfigSchema`,
 * exported by its workspace package like `authConfigSchema` from `@stuffmart/auth`.
 */
export async function configSchemaOf(deployable: Deployable): Promise<EnvSchema> {
  const manifest = JSON.parse(readFileSync(join(ROOT, workspaceOf(deployable), 'package.json'), 'utf8')) as {
    name: string;
  };
  const exported = ((await import(manifest.name)) as Record<string, unknown>)[`${deployable.name}ConfigSchema`];
  if (typeof (exported as Partial<EnvSchema> | undefined)?.safeParse !== 'function') {
    throw new Error(`${manifest.name} does not export ${deployable.name}ConfigSchema`);
  }
  return exported as EnvSchema;
}

/** What a service would print at start instead of starting, or nothing when it accepts the environment. */
export async function configRefusals(deployable: Deployable, env: Record<string, string>): Promise<string[]> {
  const result = (await configSchemaOf(deployable)).safeParse(env);
  return (result.error?.issues ?? []).map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
}

/** A key the services accept, standing in for the real one the operator creates. */
export const STAND_IN_JWT_KEY = 'k'.repeat(48);

/** Every secret .env must hold, with a value standing in for the operator's (letters and digits for URLs). */
export const STAND_IN_SECRETS = {
  JWT_KEY: STAND_IN_JWT_KEY,
  VOUCHER_KEY: 'v'.repeat(48),
  POSTGRES_PASSWORD: 'postgresStandIn',
  AUTH_DB_PASSWORD: 'authStandIn',
  CATALOG_DB_PASSWORD: 'catalogStandIn',
  ORDERS_DB_PASSWORD: 'ordersStandIn',
  PAYMENTS_DB_PASSWORD: 'paymentsStandIn',
  REDIS_PASSWORD: 'redisStandIn',
} as const;
