import { deriveInternalKey, loadConfig, type Env, type RunningServer } from '@stuffmart/common';
import {
  dropNamespace,
  postGraphQL,
  startTcpProxy,
  testEnv,
  type GraphQLEndpoint,
  type TcpProxy,
} from '@stuffmart/test-kit';
import { loadServiceModule } from '../../scripts/service-modules.js';
import { SERVICES, subgraphUrls, type Service } from '../../scripts/services.js';

export interface TestSystem extends GraphQLEndpoint {
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
  /** Stops a subgraph or worker (to see how the rest copes). */
  stopSubgraph(name: string): Promise<void>;
  /** Starts a stopped subgraph or worker again, on the port it had (so the gateway finds it). */
  restartSubgraph(name: string): Promise<void>;
  close(): Promise<void>;
}

type Starter = (env: Env, port?: number) => Promise<RunningServer>;

/** As deployed: only the gateway and auth hold JWT_KEY; the rest get the voucher key alone. */
function voucherKeyOnly({ JWT_KEY, ...env }: Env): Env {
  return JWT_KEY && !env.VOUCHER_KEY ? { ...env, VOUCHER_KEY: deriveInternalKey(JWT_KEY) } : env;
}

/** Starts a service of the manifest in this process, with the secrets it would be given. */
function starterOf(service: Service): Starter {
  return async (env, port = 0) => {
    const { configSchema, start } = await loadServiceModule(service);
    return start(loadConfig(configSchema, service.secrets.includes('JWT_KEY') ? env : voucherKeyOnly(env)), port);
  };
}

const starters = (kind: Service['kind']): Record<string, Starter> =>
  Object.fromEntries(
    SERVICES.filter((service) => service.kind === kind).map((service) => [service.name, starterOf(service)]),
  );

const SUBGRAPHS = starters('subgraph');
/** Processes that are not subgraphs: started after them, stopped before them. */
const WORKERS = starters('worker');
const [GATEWAY] = SERVICES.filter((service) => service.kind === 'gateway').map(starterOf);

export interface TestSystemOptions {
  /** Run this many instances of a subgraph behind a round-robin proxy, as replicas would. */
  replicas?: Record<string, number>;
  /** More environment for one subgraph or worker only (e.g. its DATABASE_URL through a proxy). */
  subgraphEnv?: Record<string, Env>;
}

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
  const envOf = (name: string): Env => ({ ...env, ...options.subgraphEnv?.[name] });
  try {
    for (const [name, start] of Object.entries(SUBGRAPHS)) {
      const first = await start(envOf(name));
      subgraphs[name] = first;
      routes[name] = first.url;
      instances[name] = [first];
      const count = options.replicas?.[name] ?? 1;
      if (count > 1) {
        const more = [];
        for (let i = 1; i < count; i++) more.push(await start(envOf(name)));
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
    for (const [name, start] of Object.entries(WORKERS)) workers[name] = await start(envOf(name));
  } catch (error) {
    await Promise.all([...Object.values(subgraphs), ...replicas].map((server) => server.close()));
    throw error;
  }
  const gateway = await GATEWAY!({ ...env, SUBGRAPH_URLS: subgraphUrls(routes) });
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
    restartSubgraph: async (name) => {
      const [running, start] = subgraphs[name] ? [subgraphs, SUBGRAPHS[name]!] : [workers, WORKERS[name]!];
      if (!stopped.delete(name)) await running[name]!.close();
      running[name] = await start(envOf(name), running[name]!.port);
      if (subgraphs[name]) instances[name]![0] = running[name]!;
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
