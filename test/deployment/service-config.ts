import { loadServiceModule } from '../../scripts/service-modules.js';
import { SERVICES, type Service } from '../../scripts/services.js';

/** What a service would print at start instead of starting, or nothing when it accepts the environment. */
export async function configRefusals(deployable: Service, env: Record<string, string>): Promise<string[]> {
  const result = (await loadServiceModule(deployable)).configSchema.safeParse(env);
  return (result.error?.issues ?? []).map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
}

/** A key the services accept, standing in for the real one the operator creates. */
export const STAND_IN_JWT_KEY = 'k'.repeat(48);

/** Every secret .env must hold, with a value standing in for the operator's (letters and digits for URLs). */
export const STAND_IN_SECRETS: Readonly<Record<string, string>> = {
  JWT_KEY: STAND_IN_JWT_KEY,
  VOUCHER_KEY: 'v'.repeat(48),
  POSTGRES_PASSWORD: 'postgresStandIn',
  // Each service with a database of its own connects as a role of its own, with its own password.
  ...Object.fromEntries(
    SERVICES.flatMap(({ database }) =>
      database ? [[`${database.toUpperCase()}_DB_PASSWORD`, `${database}StandIn`]] : [],
    ),
  ),
  REDIS_PASSWORD: 'redisStandIn',
};
