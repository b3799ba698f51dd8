import { randomBytes } from 'node:crypto';
import { dropNamespace } from '@stuffmart/test-kit';
import { launchServices } from '../scripts/launch.js';

export interface BenchSystem {
  env: NodeJS.ProcessEnv;
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  stop(): Promise<void>;
}

const PORTS = { GATEWAY_PORT: 4900, AUTH_PORT: 4901 };

/** The system as `npm start` runs it (one process per service), in a namespace of its own. */
export async function startBenchSystem(): Promise<BenchSystem> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    JWT_KEY: randomBytes(32).toString('base64url'),
    STUFFMART_NAMESPACE: `bench_${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    GATEWAY_PORT: String(PORTS.GATEWAY_PORT),
    AUTH_PORT: String(PORTS.AUTH_PORT),
    SUBGRAPH_URLS: `auth=http://127.0.0.1:${PORTS.AUTH_PORT}/graphql`,
    // Many sign-ins from one address are the benchmark, not an attack.
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: '100000',
  };
  const launched = await launchServices(env);
  return {
    env,
    gatewayUrl: `http://127.0.0.1:${PORTS.GATEWAY_PORT}/graphql`,
    subgraphUrls: { auth: `http://127.0.0.1:${PORTS.AUTH_PORT}/graphql` },
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
