/**
 * The one list of Stuffmart's services. Everything that needs to know which services exist
 * reads it: `npm run build` (what to bundle), `npm start` (what to run, in which order, on which
 * ports, and where the gateway and the storefront find the others), the test system, `npm run
 * schema` (which subgraphs to compose), `npm run dockerfile` (one image target each) and the
 * deployment tests, which fail when docker-compose.yml, k8s/ or skaffold.yaml lack one.
 *
 * A new subgraph is one entry here plus its folder, whose package exports, by the convention
 * `scripts/service-modules.ts` checks, `<name>ConfigSchema`, `start<Name>` and
 * `build<Name>Schema`; then `npm run dockerfile` and `npm run schema`, and the deployment tests
 * say what compose and k8s still lack. Importing nothing, it is cheap to read from anywhere.
 */

export type ServiceKind = 'subgraph' | 'worker' | 'gateway' | 'storefront';

/** Secrets a service is given, each where it is needed and nowhere else (README, "Least privilege"). */
export type Secret = 'JWT_KEY' | 'VOUCHER_KEY' | 'STRIPE_SECRET_KEY' | 'STRIPE_WEBHOOK_SECRET';

export interface Service {
  name: string;
  kind: ServiceKind;
  /** The workspace folder, relative to the repository root. */
  folder: string;
  /** The workspace package (`@stuffmart/<name>`), which exports the service's starter. */
  package: string;
  /** What `npm start` runs, relative to the repository root. */
  entry: string;
  /** The variable the service reads its port from, and the port it takes when it is unset. */
  portVariable: string;
  port: number;
  /** Prometheus /metrics of the process (METRICS_PORT, by default the port + 5000); the storefront has none. */
  metricsPort?: number;
  /** Its own PostgreSQL database, `<STUFFMART_NAMESPACE>_<database>`, and role of that name. */
  database?: string;
  /** Uses Redis (streams, pub/sub, counters, jobs). */
  redis: boolean;
  secrets: readonly Secret[];
  /** Answers while the process is up (images' HEALTHCHECK). */
  healthPath: string;
  /** Answers 200 once what it depends on answers (compose health, Kubernetes readiness). */
  readyPath: string;
  /** Reached from outside (published by compose, routed by the Ingress); the rest talk inside only. */
  public: boolean;
}

const METRICS_OFFSET = 5000;

function subgraph(name: string, port: number, secrets: readonly Secret[] = ['VOUCHER_KEY']): Service {
  return {
    name,
    kind: 'subgraph',
    folder: `subgraphs/${name}`,
    package: `@stuffmart/${name}`,
    entry: `subgraphs/${name}/src/main.ts`,
    portVariable: `${name.toUpperCase()}_PORT`,
    port,
    metricsPort: port + METRICS_OFFSET,
    database: name,
    redis: true,
    secrets,
    healthPath: '/healthz',
    readyPath: '/readyz',
    public: false,
  };
}

/**
 * In the order `npm start` starts them, each once the one before is ready (subgraphs, then the
 * workers that read their streams, then the gateway, which needs every subgraph, then the
 * storefront); it stops them in the reverse order, the gateway first.
 */
export const SERVICES: readonly Service[] = [
  subgraph('auth', 4001, ['JWT_KEY', 'VOUCHER_KEY']),
  subgraph('catalog', 4002),
  subgraph('orders', 4003),
  subgraph('payments', 4004, ['VOUCHER_KEY', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']),
  {
    name: 'expiration',
    kind: 'worker',
    folder: 'workers/expiration',
    package: '@stuffmart/expiration',
    entry: 'workers/expiration/src/main.ts',
    portVariable: 'EXPIRATION_PORT',
    port: 4005,
    metricsPort: 4005 + METRICS_OFFSET,
    redis: true,
    // It signs and checks nothing.
    secrets: [],
    healthPath: '/healthz',
    readyPath: '/readyz',
    public: false,
  },
  {
    name: 'gateway',
    kind: 'gateway',
    folder: 'gateway',
    package: '@stuffmart/gateway',
    entry: 'gateway/src/main.ts',
    portVariable: 'GATEWAY_PORT',
    port: 4000,
    metricsPort: 4000 + METRICS_OFFSET,
    redis: true,
    secrets: ['JWT_KEY', 'VOUCHER_KEY', 'STRIPE_WEBHOOK_SECRET'],
    healthPath: '/healthz',
    readyPath: '/readyz',
    public: true,
  },
  {
    name: 'client',
    kind: 'storefront',
    folder: 'client',
    package: '@stuffmart/client',
    // Builds the storefront if its sources changed, then serves it (Next.js, not bundled by us).
    entry: 'client/scripts/serve.ts',
    portVariable: 'CLIENT_PORT',
    port: 3000,
    redis: false,
    // It never checks a token itself, so a leak here cannot mint sessions.
    secrets: [],
    healthPath: '/healthz',
    readyPath: '/healthz',
    public: true,
  },
];

export const SUBGRAPHS: readonly Service[] = SERVICES.filter((service) => service.kind === 'subgraph');

/** The Node services `npm run build` bundles, one image each; the storefront is built by Next.js. */
export const BUNDLED: readonly Service[] = SERVICES.filter((service) => service.kind !== 'storefront');

export function serviceNamed(name: string): Service {
  const found = SERVICES.find((service) => service.name === name);
  if (!found) throw new Error(`unknown service "${name}"; known: ${SERVICES.map((s) => s.name).join(', ')}`);
  return found;
}

/** What a service waits for before it starts (compose's depends_on): stores, or the services it calls. */
export function dependenciesOf(service: Service): string[] {
  switch (service.kind) {
    case 'gateway':
      return ['redis', ...SUBGRAPHS.map((subgraph) => subgraph.name)];
    case 'storefront':
      return ['gateway'];
    default:
      return ['postgres', 'redis'];
  }
}

/** The port a service listens on in this environment: its variable when set, else its default. */
export function portOf(service: Service, env: Record<string, string | undefined>): number {
  const configured = env[service.portVariable]?.trim();
  return configured ? Number(configured) : service.port;
}

/** Where the gateway finds a subgraph listening on `host`, and where the storefront finds the gateway. */
export function graphqlUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/graphql`;
}

/** `name=url,…` for the gateway's SUBGRAPH_URLS. */
export function subgraphUrls(urls: Record<string, string>): string {
  return Object.entries(urls)
    .map(([name, url]) => `${name}=${url}`)
    .join(',');
}
