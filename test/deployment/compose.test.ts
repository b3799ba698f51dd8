import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED, dependenciesOf as needsOf } from '../../scripts/services.js';
import { parseEnv } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  composeConfig,
  dependenciesOf,
  healthcheckCommand,
  mountsOf,
  parseComposeConfig,
  publishedPorts,
  ROOT,
  type ComposeConfig,
  type ComposeService,
} from './compose-config.js';
import { parseDockerfile, stageNamed } from './dockerfile.js';
import { PUBLIC_PORTS, SIGNERS, SUBGRAPHS, UNITS, VOUCHER_HOLDERS } from './deployment-units.js';
import { configRefusals, STAND_IN_SECRETS } from './service-config.js';

const EXAMPLE_FILE = join(ROOT, '.env.example');
const exampleText = readFileSync(EXAMPLE_FILE, 'utf8');
const example = parseEnv(exampleText) as Record<string, string | undefined>;
const STORES = ['postgres', 'redis'];
/** The mail catcher: every mail of a compose system lands in its web inbox. */
const MAIL_CATCHER = 'mailpit';
const SECRETS = Object.keys(STAND_IN_SECRETS);

let config: ComposeConfig;
let scratch: string;

function service(name: string): ComposeService {
  const found = config.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

function env(name: string): Record<string, string | null> {
  return service(name).environment ?? {};
}

/** The environment a container would see: a variable without a value is not set at all. */
function containerEnv(definition: ComposeService | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(definition?.environment ?? {}).filter((entry): entry is [string, string] => entry[1] !== null),
  );
}

/** .env.example with some lines changed or dropped, as a file compose can read. */
function exampleWith(changes: Record<string, string | undefined>): string {
  const lines = exampleText
    .split('\n')
    .filter((line) => !Object.keys(changes).some((name) => line.startsWith(`${name}=`)))
    .concat(Object.entries(changes).flatMap(([name, value]) => (value === undefined ? [] : [`${name}=${value}`])));
  const file = join(scratch, `env-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, lines.join('\n'));
  return file;
}

/** The services `docker compose up` runs without a --profile: all but the optional ones. */
function alwaysOn(): Record<string, ComposeService> {
  return Object.fromEntries(Object.entries(config.services).filter(([, definition]) => !definition.profiles?.length));
}

/** .env.example as the operator fills it in: every secret set. */
const filledExample = () => exampleWith(STAND_IN_SECRETS);

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'stuffmart-compose-'));
  const run = composeConfig(filledExample());
  if (run.status !== 0) throw new Error(`docker-compose config refused .env.example filled in:\n${run.stderr}`);
  config = parseComposeConfig(run.stdout);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('docker-compose.yml with .env.example filled in', () => {
  it('runs PostgreSQL, Redis, the mail catcher, every deployable and the storefront, and nothing else', () => {
    expect(Object.keys(alwaysOn()).sort()).toEqual([...STORES, MAIL_CATCHER, ...UNITS.map((unit) => unit.name)].sort());
  });

  it.each(SECRETS)('refuses to start when .env lacks %s, or leaves it empty', (name) => {
    for (const value of [undefined, '']) {
      const run = composeConfig(exampleWith({ ...STAND_IN_SECRETS, [name]: value }));
      expect(run.status, `${name}=${value ?? '(missing)'}`).not.toBe(0);
      expect(run.stderr).toContain(name);
    }
  });

  it('refuses to start with .env.example as it is: no example password ever runs', () => {
    for (const name of SECRETS) expect(example[name], name).toBe('');
    const run = composeConfig(EXAMPLE_FILE);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/set \w+ in \.env/);
  });

  it.each(SECRETS)('never falls back to a default or empty %s, wherever it is used', (name) => {
    const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    const uses = [...text.matchAll(new RegExp(`\\$\\{${name}([^}]*)\\}`, 'g'))];
    expect(uses.length).toBeGreaterThan(0);
    for (const [use, modifier] of uses) expect(modifier, use).toMatch(/^:\?/);
  });

  it('keeps .env, where the real secrets go, out of git', () => {
    const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n');
    expect(ignored).toContain('.env');
  });

  it('publishes only the gateway on 4000, the storefront on 3000 and the web inbox on 8025 (to this machine only)', () => {
    const published = Object.entries(alwaysOn()).flatMap(([name, definition]) =>
      publishedPorts(definition).map((port) => ({ name, ...port })),
    );
    expect(published.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'client', host: PUBLIC_PORTS.client, container: PUBLIC_PORTS.client },
      { name: 'gateway', host: PUBLIC_PORTS.gateway, container: PUBLIC_PORTS.gateway },
      { name: MAIL_CATCHER, host: 8025, container: 8025 },
    ]);
    const inbox = service(MAIL_CATCHER).ports?.[0];
    expect(typeof inbox === 'object' ? (inbox as { host_ip?: string }).host_ip : inbox).toMatch(/127\.0\.0\.1/);
  });

  it('adds Prometheus only with the monitoring profile, scraping every Node service on its METRICS_PORT, seen from this machine only', () => {
    const prometheus = service('prometheus');
    expect(prometheus.profiles).toEqual(['monitoring']);
    expect(publishedPorts(prometheus)).toEqual([{ host: 9090, container: 9090 }]);
    const port = prometheus.ports?.[0];
    expect(typeof port === 'object' ? (port as { host_ip?: string }).host_ip : port).toMatch(/127\.0\.0\.1/);
    const mount = mountsOf(prometheus).find((candidate) => candidate.target === '/etc/prometheus/prometheus.yml');
    expect(mount?.source).toBe(join(ROOT, 'monitoring', 'prometheus.yml'));
    const scrape = parse(readFileSync(join(ROOT, 'monitoring', 'prometheus.yml'), 'utf8')) as {
      scrape_configs: Array<{ static_configs: Array<{ targets: string[] }> }>;
    };
    const targets = scrape.scrape_configs.flatMap((job) => job.static_configs.flatMap((group) => group.targets));
    const bundled = UNITS.filter((unit) => unit.bundled);
    expect(targets.sort()).toEqual(bundled.map((unit) => `${unit.name}:${unit.metricsPort}`).sort());
    // No METRICS_PORT set anywhere: each service takes the default these targets name.
    for (const unit of bundled) expect(env(unit.name).METRICS_PORT, unit.name).toBeUndefined();
  });

  it('adds Jaeger and Grafana only with the monitoring profile, seen from this machine only', () => {
    for (const [name, port] of [
      ['jaeger', 16686],
      ['grafana', 3001],
    ] as const) {
      expect(service(name).profiles, name).toEqual(['monitoring']);
      expect(
        publishedPorts(service(name)).map((published) => published.host),
        name,
      ).toEqual([port]);
      const published = service(name).ports?.[0];
      expect(typeof published === 'object' ? (published as { host_ip?: string }).host_ip : published).toMatch(
        /127\.0\.0\.1/,
      );
    }
    const mounts = Object.fromEntries(mountsOf(service('grafana')).map((mount) => [mount.target, mount.source]));
    expect(mounts['/etc/grafana/provisioning']).toBe(join(ROOT, 'monitoring', 'grafana', 'provisioning'));
    expect(mounts['/var/lib/grafana/dashboards']).toBe(join(ROOT, 'monitoring', 'grafana', 'dashboards'));
  });

  it("gives Grafana Prometheus and Jaeger as data sources, under the uids its dashboard's panels name", () => {
    const provisioned = parse(
      readFileSync(join(ROOT, 'monitoring', 'grafana', 'provisioning', 'datasources', 'datasources.yml'), 'utf8'),
    ) as { datasources: Array<{ uid: string; type: string; url: string }> };
    const byUid = Object.fromEntries(provisioned.datasources.map((source) => [source.uid, source]));
    expect(byUid.prometheus).toMatchObject({ type: 'prometheus', url: 'http://prometheus:9090' });
    expect(byUid.jaeger).toMatchObject({ type: 'jaeger', url: 'http://jaeger:16686' });
    const dashboard = JSON.parse(
      readFileSync(join(ROOT, 'monitoring', 'grafana', 'dashboards', 'stuffmart.json'), 'utf8'),
    ) as { panels: Array<{ type: string; datasource?: { uid: string } }> };
    const charts = dashboard.panels.filter((panel) => panel.type !== 'row');
    expect(charts.length).toBeGreaterThan(0);
    for (const panel of charts) expect(Object.keys(byUid)).toContain(panel.datasource?.uid);
  });

  it("sends every service's traces where OTEL_EXPORTER_OTLP_ENDPOINT in .env says, and traces nothing without it", async () => {
    const bundled = UNITS.filter((unit) => unit.bundled);
    for (const unit of bundled) expect(env(unit.name).OTEL_EXPORTER_OTLP_ENDPOINT ?? null, unit.name).toBeNull();
    const run = composeConfig(exampleWith({ ...STAND_IN_SECRETS, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' }));
    expect(run.status, run.stderr).toBe(0);
    const traced = parseComposeConfig(run.stdout).services;
    for (const unit of bundled) {
      const environment = containerEnv(traced[unit.name]);
      expect(environment.OTEL_EXPORTER_OTLP_ENDPOINT, unit.name).toBe('http://jaeger:4318');
      const deployable = BUNDLED.find((candidate) => candidate.name === unit.name);
      expect(deployable, unit.name).toBeDefined();
      expect(await configRefusals(deployable!, environment), unit.name).toEqual([]);
    }
  });

  it('gives every service a health check', () => {
    for (const [name, definition] of Object.entries(config.services)) {
      expect(definition.healthcheck?.disable, name).not.toBe(true);
      expect(healthcheckCommand(definition), name).not.toBe('');
    }
  });

  it.each(UNITS)("checks $name's health on its own port", (unit) => {
    expect(healthcheckCommand(service(unit.name))).toContain(`http://127.0.0.1:${unit.port}${unit.readyPath}`);
  });

  it('starts each service only once what it needs is healthy', () => {
    const expected = Object.fromEntries(UNITS.map((unit) => [unit.name, needsOf(unit)]));
    expect(expected.gateway).toEqual(['redis', ...SUBGRAPHS]);
    for (const [name, needs] of Object.entries(expected)) {
      const dependencies = dependenciesOf(service(name));
      expect(Object.keys(dependencies).sort(), name).toEqual(expect.arrayContaining(needs));
      for (const [dependency, condition] of Object.entries(dependencies)) {
        expect(condition, `${name} → ${dependency}`).toBe('service_healthy');
        expect(healthcheckCommand(service(dependency)), `${dependency} has no health check to wait for`).not.toBe('');
      }
    }
  });

  it.each([
    ['postgres', '/var/lib/postgresql/data'],
    ['redis', '/data'],
  ])('keeps %s data in a named volume at %s', (name, target) => {
    const mount = mountsOf(service(name)).find((candidate) => candidate.target === target);
    expect(mount, `${name} mounts nothing at ${target}`).toBeDefined();
    // A named volume, not a bind mount of some host directory.
    expect(mount?.source).toMatch(/^[\w-]+$/);
    expect(Object.keys(config.volumes ?? {})).toContain(mount?.source);
  });

  it('runs Redis with append-only persistence and no eviction', () => {
    const command = [service('redis').command ?? []].flat().join(' ');
    expect(command).toMatch(/--appendonly yes/);
    expect(command).toMatch(/--maxmemory-policy noeviction/);
  });

  it('runs Redis with a password that every client sends and its own health check uses', () => {
    const command = [service('redis').command ?? []].flat().join(' ');
    expect(command).toContain(`--requirepass ${STAND_IN_SECRETS.REDIS_PASSWORD}`);
    // redis-cli authenticates with REDISCLI_AUTH; without it the health check would see NOAUTH.
    expect(env('redis').REDISCLI_AUTH).toBe(STAND_IN_SECRETS.REDIS_PASSWORD);
    for (const unit of UNITS.filter((candidate) => candidate.redis)) {
      expect(decodeURIComponent(new URL(env(unit.name).REDIS_URL ?? '').password), unit.name).toBe(
        STAND_IN_SECRETS.REDIS_PASSWORD,
      );
    }
    expect(env('client')).not.toHaveProperty('REDIS_URL');
  });

  it('gives PostgreSQL the superuser password from .env, and the subgraphs the admin URL with it', () => {
    expect(env('postgres').POSTGRES_PASSWORD).toBe(STAND_IN_SECRETS.POSTGRES_PASSWORD);
    for (const name of SUBGRAPHS) {
      const admin = new URL(env(name).DATABASE_ADMIN_URL ?? '');
      expect(admin.hostname, name).toBe('postgres');
      expect(admin.password, name).toBe(STAND_IN_SECRETS.POSTGRES_PASSWORD);
    }
  });

  it.each(SUBGRAPHS)('connects %s to PostgreSQL as a role of its own, with a password of its own', (name) => {
    const url = new URL(env(name).DATABASE_URL ?? '');
    expect(url.hostname).toBe('postgres');
    expect(url.username).toBe(`stuffmart_${name}`);
    const secret = `${name.toUpperCase()}_DB_PASSWORD` as keyof typeof STAND_IN_SECRETS;
    expect(url.password).toBe(STAND_IN_SECRETS[secret]);
    expect(url.password).not.toBe(STAND_IN_SECRETS.POSTGRES_PASSWORD);
  });

  it('gives PostgreSQL URLs to the subgraphs only', () => {
    for (const { name } of UNITS.filter((unit) => !unit.database)) {
      expect(
        Object.keys(env(name)).filter((key) => key.startsWith('DATABASE_')),
        name,
      ).toEqual([]);
    }
  });

  describe.each(UNITS)('the $name service', (unit) => {
    it('is built from this repository by the Dockerfile target of its name', () => {
      const dockerfile = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
      const { build, image } = service(unit.name);
      expect(build?.context.replace(/\/$/, '')).toBe(ROOT.replace(/\/$/, ''));
      expect(build?.target).toBe(unit.name);
      expect(stageNamed(dockerfile, unit.name)).toBeDefined();
      // The name skaffold.yaml and k8s/ use too.
      expect(image).toBe(`stuffmart/${unit.name}`);
    });

    const signs = (SIGNERS as readonly string[]).includes(unit.name);
    const vouches = (VOUCHER_HOLDERS as readonly string[]).includes(unit.name);
    it(`listens on ${unit.portVariable}=${unit.port}, ${signs ? 'gets' : 'does not get'} JWT_KEY and ${vouches ? 'gets' : 'does not get'} VOUCHER_KEY`, () => {
      expect(env(unit.name)[unit.portVariable]).toBe(String(unit.port));
      expect(env(unit.name).JWT_KEY).toBe(signs ? STAND_IN_SECRETS.JWT_KEY : undefined);
      expect(env(unit.name).VOUCHER_KEY).toBe(vouches ? STAND_IN_SECRETS.VOUCHER_KEY : undefined);
    });

    if (unit.bundled) {
      it('listens on every interface and finds Redis (and PostgreSQL) by service name', () => {
        expect(env(unit.name).BIND_HOST).toBe('0.0.0.0');
        expect(new URL(env(unit.name).REDIS_URL ?? '').hostname).toBe('redis');
        if ((SUBGRAPHS as readonly string[]).includes(unit.name)) {
          expect(new URL(env(unit.name).DATABASE_URL ?? '').hostname).toBe('postgres');
        }
      });
    }
  });

  it.each(BUNDLED)('gives $name an environment its own config accepts', async (deployable) => {
    expect(await configRefusals(deployable, containerEnv(service(deployable.name)))).toEqual([]);
  });

  it('passes the Stripe keys set in .env to payments and the gateway, and leaves them unset otherwise', () => {
    const run = composeConfig(
      exampleWith({ ...STAND_IN_SECRETS, STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' }),
    );
    expect(run.status, run.stderr).toBe(0);
    const withKeys = parseComposeConfig(run.stdout);
    expect(containerEnv(withKeys.services.payments)).toMatchObject({
      STRIPE_SECRET_KEY: 'sk_test_1',
      STRIPE_WEBHOOK_SECRET: 'whsec_1',
    });
    expect(containerEnv(withKeys.services.gateway).STRIPE_WEBHOOK_SECRET).toBe('whsec_1');
    // An empty key would be refused at start; absent means "no Stripe".
    expect(containerEnv(service('payments'))).not.toHaveProperty('STRIPE_SECRET_KEY');
  });

  it('points the gateway at each subgraph service on its port', () => {
    const urls = Object.fromEntries(
      (env('gateway').SUBGRAPH_URLS ?? '').split(',').map((entry) => entry.split(/=(.*)/s).slice(0, 2)),
    ) as Record<string, string>;
    expect(Object.keys(urls).sort()).toEqual([...SUBGRAPHS].sort());
    for (const name of SUBGRAPHS) {
      const unit = UNITS.find((candidate) => candidate.name === name);
      expect(urls[name]).toBe(`http://${name}:${env(name)[unit?.portVariable ?? '']}/graphql`);
    }
  });

  it('sends mail to the mail catcher by default, or to the SMTP_URL set in .env', () => {
    expect(service(MAIL_CATCHER).image).toMatch(/^axllent\/mailpit:/);
    expect(env('auth').SMTP_URL).toBe('smtp://mailpit:1025');
    expect(env('auth').PUBLIC_URL).toBe(example.PUBLIC_URL);
    const run = composeConfig(
      exampleWith({ ...STAND_IN_SECRETS, SMTP_URL: 'smtps://user:secret@smtp.example.com:465' }),
    );
    expect(run.status, run.stderr).toBe(0);
    expect(containerEnv(parseComposeConfig(run.stdout).services.auth).SMTP_URL).toBe(
      'smtps://user:secret@smtp.example.com:465',
    );
  });

  it('lets the gateway take X-Forwarded-For from the storefront alone, at the fixed address it has', () => {
    const storefront = service('client').networks;
    const address = Array.isArray(storefront) ? undefined : storefront?.default?.ipv4_address;
    expect(address).toBeDefined();
    expect(env('gateway').TRUST_PROXY).toBe(address);
    // The address lies in the project network's own subnet, so compose can hand it out.
    const [subnet = ''] = (config.networks?.default?.ipam?.config ?? []).map((entry) => entry.subnet ?? '');
    const [base = '', bits = '32'] = subnet.split('/');
    const toNumber = (ip: string) => ip.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
    const mask = 2 ** 32 - 2 ** (32 - Number(bits));
    expect((toNumber(address ?? '') & mask) >>> 0).toBe((toNumber(base) & mask) >>> 0);
    // Every other service gets its address from compose, so none can take the storefront's.
    for (const [name, definition] of Object.entries(config.services).filter(([name]) => name !== 'client')) {
      const networks = definition.networks;
      const fixed = Array.isArray(networks) ? undefined : networks?.default?.ipv4_address;
      expect(fixed, name).toBeUndefined();
    }
  });

  it("points the storefront's server at the gateway service", () => {
    expect(env('client').GATEWAY_URL).toBe(`http://gateway:${env('gateway').GATEWAY_PORT}/graphql`);
  });

  it("lets browsers on the storefront's address use CORS and WebSockets at the gateway", () => {
    expect(env('gateway').PUBLIC_URL).toBe(example.PUBLIC_URL);
    expect(env('gateway').PUBLIC_URL).toBe(env('auth').PUBLIC_URL);
  });

  it('tells the storefront which e-mail domains auth accepts, as auth is told', () => {
    const run = composeConfig(exampleWith({ ...STAND_IN_SECRETS, ALLOWED_EMAIL_DOMAINS: 'uni.edu' }));
    expect(run.status, run.stderr).toBe(0);
    const services = parseComposeConfig(run.stdout).services;
    expect(containerEnv(services.client).ALLOWED_EMAIL_DOMAINS).toBe('uni.edu');
    expect(containerEnv(services.auth).ALLOWED_EMAIL_DOMAINS).toBe('uni.edu');
  });
});
