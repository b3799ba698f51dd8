import { authConfigSchema, startAuth } from '@stuffmart/auth';
import { catalogConfigSchema, startCatalog } from '@stuffmart/catalog';
import { ordersConfigSchema, startOrders } from '@stuffmart/orders';
import { paymentsConfigSchema, startPayments } from '@stuffmart/payments';
import { expirationConfigSchema, startExpiration } from '@stuffmart/expiration';
import { deriveInternalKey, loadConfig, type Env, type RunningServer } from '@stuffmart/common';
import { gatewayConfigSchema, startGateway } from '@stuffmart/gateway';
import { dropNamespace } from './drop-namespace.js';
import { postGraphQL, type GraphQLResponse, type RequestOptions } from './graphql-client.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
import { testEnv } from './test-env.js';

export interface TestSystem {
  env: Env;
  /** The gateway's /graphql. */
  url: string;
  /** The gateway's origin, for /healthz, /readyz and webhooks. */
  origin: string;
  subgraphs: Record<string, RunningServer>;
  /** Every instance of each subgraph: one, or as many as `replicas` asked for. */
  instances: Record<string, RunningServer[]>;
  gateway: RunningServer;
  /** Each process' Prometheus /metrics (METRICS_PORT), by service: gateway, subgraphs, workers. */
  metricsUrls: Record<string, string>;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<T>>;
  /** Stops a subgraph or worker (to see how the rest copes). */
  stopSubgraph(name: string): Promise<void>;
  close(): Promise<void>;
}

type SubgraphStarter = (env: Env) => Promise<RunningServer>;

/** As deployed: only the gateway and auth hold JWT_KEY; the rest get the voucher key alone. */
function voucherKeyOnly({ JWT_KEY, ...env }: Env): Env {
  return JWT_KEY && !env.VOUCHER_KEY ? { ...env, VOUCHER_KEY: deriveInternalKey(JWT_KEY) } : env;
}

const SUBGRAPHS: Record<string, SubgraphStarter> = {
  auth: (env) => startAuth(loadConfig(authConfigSchema, env), 0),
  catalog: (env) => startCatalog(loadConfig(catalogConfigSchema, voucherKeyOnly(env)), 0),
  orders: (env) => startOrders(loadConfig(ordersConfigSchema, voucherKeyOnly(env)), 0),
  payments: (env) => startPayments(loadConfig(paymentsConfigSchema, voucherKeyOnly(env)), 0),
};

export interface TestSystemOptions {
  /** Run this many instances of a subgraph behind a round-robin proxy, as replicas would. */
  replicas?: Record<string, number>;
}

/** Processes that are not subgraphs: started after them, stopped before them. */
const WORKERS: Record<string, SubgraphStarter> = {
  expiration: (env) => startExpiration(loadConfig(expirationConfigSchema, voucherKeyOnly(env)), 0),
};

/**
 * The real system, in-process on free ports, with its own databases and Redis keys. `overrides`
 * reach every service, e.g. SMTP_URL (a `startTestInbox()`), PUBLIC_URL, ADMIN_EMAILS or
 * ALLOWED_EMAIL_DOMAINS.
 */
export async function startTestSystem(overrides: Env = {}, options: TestSystemOptions = {}): Promise<TestSystem> {
  const env = testEnv(overrides);
  const subgraphs: Record<string, RunningServer> = {};
  const replicas: RunningServer[] = [];
  const instances: Record<string, RunningServer[]> = {};
  const proxies: TcpProxy[] = [];
  const routes: Record<string, string> = {};
  const stopped = new Set<string>();
  try {
    for (const [name, start] of Object.entries(SUBGRAPHS)) {
      const first = await start(env);
      subgraphs[name] = first;
      routes[name] = first.url;
      instances[name] = [first];
      const count = options.replicas?.[name] ?? 1;
      if (count > 1) {
        const more = [];
        for (let i = 1; i < count; i++) more.push(await start(env));
        replicas.push(...more);
        instances[name] = [first, ...more];
        const proxy = await startTcpProxy([first, ...more].map((server) => server.url));
        proxies.push(proxy);
        routes[name] = proxy.wrap(first.url);
      }
    }
  } catch (error) {
    await Promise.all([...Object.values(subgraphs), ...replicas].map((server) => server.close()));
    throw error;
  }
  const workers: Record<string, RunningServer> = {};
  try {
    for (const [name, start] of Object.entries(WORKERS)) workers[name] = await start(env);
  } catch (error) {
    await Promise.all([...Object.values(subgraphs), ...replicas].map((server) => server.close()));
    throw error;
  }
  const subgraphUrls = Object.entries(routes)
    .map(([name, url]) => `${name}=${url}`)
    .join(',');
  const gateway = await startGateway(loadConfig(gatewayConfigSchema, { ...env, SUBGRAPH_URLS: subgraphUrls }), 0);
  const origin = new URL(gateway.url).origin;
  const metricsUrls = Object.fromEntries(
    Object.entries({ gateway, ...subgraphs, ...workers }).flatMap(([name, server]) =>
      server.metricsUrl ? [[name, server.metricsUrl]] : [],
    ),
  );
  return {
    metricsUrls,
    env,
    url: gateway.url,
    origin,
    subgraphs,
    instances,
    gateway,
    graphql: (query, variables, options) => postGraphQL(gateway.url, query, variables, options),
    stopSubgraph: async (name) => {
      stopped.add(name);
      await (subgraphs[name] ?? workers[name])?.close();
    },
    close: async () => {
      await gateway.close();
      for (const [name, worker] of Object.entries(workers)) if (!stopped.has(name)) await worker.close();
      for (const [name, server] of Object.entries(subgraphs)) if (!stopped.has(name)) await server.close();
      for (const server of replicas) await server.close();
      for (const proxy of proxies) await proxy.cut();
      await dropNamespace(env.DATABASE_URL!, env.REDIS_URL!, env.STUFFMART_NAMESPACE!);
    },
  };
}
