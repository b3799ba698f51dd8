import { authConfigSchema, startAuth } from '@stuffmart/auth';
import { loadConfig, type Env, type RunningServer } from '@stuffmart/common';
import { gatewayConfigSchema, startGateway } from '@stuffmart/gateway';
import { dropNamespace } from './drop-namespace.js';
import { postGraphQL, type GraphQLResponse, type RequestOptions } from './graphql-client.js';
import { testEnv } from './test-env.js';

export interface TestSystem {
  env: Env;
  /** The gateway's /graphql. */
  url: string;
  /** The gateway's origin, for /healthz, /readyz and webhooks. */
  origin: string;
  subgraphs: Record<string, RunningServer>;
  gateway: RunningServer;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<T>>;
  /** Stops a subgraph (to see how the gateway copes) */
  stopSubgraph(name: string): Promise<void>;
  close(): Promise<void>;
}

type SubgraphStarter = (env: Env) => Promise<RunningServer>;

const SUBGRAPHS: Record<string, SubgraphStarter> = {
  auth: (env) => startAuth(loadConfig(authConfigSchema, env), 0),
};

/** The real system, in-process on free ports, with its own databases and Redis keys. */
export async function startTestSystem(overrides: Env = {}): Promise<TestSystem> {
  const env = testEnv(overrides);
  const subgraphs: Record<string, RunningServer> = {};
  const stopped = new Set<string>();
  try {
    for (const [name, start] of Object.entries(SUBGRAPHS)) subgraphs[name] = await start(env);
  } catch (error) {
    await Promise.all(Object.values(subgraphs).map((server) => server.close()));
    throw error;
  }
  const subgraphUrls = Object.entries(subgraphs)
    .map(([name, server]) => `${name}=${server.url}`)
    .join(',');
  const gateway = await startGateway(loadConfig(gatewayConfigSchema, { ...env, SUBGRAPH_URLS: subgraphUrls }), 0);
  const origin = new URL(gateway.url).origin;
  return {
    env,
    url: gateway.url,
    origin,
    subgraphs,
    gateway,
    graphql: (query, variables, options) => postGraphQL(gateway.url, query, variables, options),
    stopSubgraph: async (name) => {
      stopped.add(name);
      await subgraphs[name]?.close();
    },
    close: async () => {
      await gateway.close();
      for (const [name, server] of Object.entries(subgraphs)) if (!stopped.has(name)) await server.close();
      await dropNamespace(env.DATABASE_URL!, env.REDIS_URL!, env.STUFFMART_NAMESPACE!);
    },
  };
}
