import { randomBytes } from 'node:crypto';
import { dropNamespace } from '@stuffmart/test-kit';
import { launchServices } from '../scripts/launch.js';

export interface BenchSystem {
  env: NodeJS.ProcessEnv;
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  /** Each subgraph's /metrics counters, summed by name. */
  metrics(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

const SUBGRAPHS = ['auth', 'catalog', 'orders', 'payments'] as const;

/**
 * The system as `npm start` runs it (one process per service), on ports from `basePort`, in a
 * namespace of its own.
 */
export async function startBenchSystem(
  basePort: number,
  overrides: NodeJS.ProcessEnv = {},
  without: string[] = ['client'],
): Promise<BenchSystem> {
  const ports = Object.fromEntries(SUBGRAPHS.map((name, index) => [name, basePort + 1 + index]));
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`]));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    JWT_KEY: randomBytes(32).toString('base64url'),
    STUFFMART_NAMESPACE: `bench_${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    GATEWAY_PORT: String(basePort),
    AUTH_PORT: String(ports.auth),
    CATALOG_PORT: String(ports.catalog),
    ORDERS_PORT: String(ports.orders),
    PAYMENTS_PORT: String(ports.payments),
    EXPIRATION_PORT: String(basePort + 5),
    SUBGRAPH_URLS: Object.entries(subgraphUrls)
      .map(([name, url]) => `${name}=${url}`)
      .join(','),
    // Many sign-ins from one address are the benchmark, not an attack.
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: '100000',
    SIGN_UP_MAX_PER_ADDRESS: '100000',
    ...overrides,
  };
  const launched = await launchServices(env, { without });
  return {
    env,
    gatewayUrl: `http://127.0.0.1:${basePort}/graphql`,
    subgraphUrls,
    metrics: async () => {
      const totals: Record<string, number> = {};
      for (const url of Object.values(subgraphUrls)) {
        const text = await (await fetch(new URL('/metrics', url))).text();
        for (const [, name, value] of text.matchAll(/^stuffmart_(\w+)\{[^}]*\} (\d+)$/gm)) {
          totals[name!] = (totals[name!] ?? 0) + Number(value);
        }
      }
      return totals;
    },
    stop: async () => {
      await launched.stop();
      await dropNamespace(
        env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
        env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        env.STUFFMART_NAMESPACE!,
      );
    },
  };
}
