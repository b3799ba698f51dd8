import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtKeySchema } from '@stuffmart/common';
import { presentDeployables } from '../../scripts/build.js';
import { parseEnv } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { PUBLIC_PORTS, SUBGRAPHS, UNITS } from './deployment-units.js';
import { configRefusals, STAND_IN_JWT_KEY } from './service-config.js';

const EXAMPLE_FILE = join(ROOT, '.env.example');
const exampleText = readFileSync(EXAMPLE_FILE, 'utf8');
const example = parseEnv(exampleText) as Record<string, string | undefined>;
const STORES = ['postgres', 'redis'];
/** The mail catcher: every mail of a compose system lands in its web inbox. */
const MAIL_CATCHER = 'mailpit';

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
  const file = join(scratch, `env-${Object.keys(changes).join('-')}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, lines.join('\n'));
  return file;
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'stuffmart-compose-'));
  const run = composeConfig(EXAMPLE_FILE);
  if (run.status !== 0) throw new Error(`docker-compose config refused the file with .env.example:\n${run.stderr}`);
  config = parseComposeConfig(run.stdout);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('docker-compose.yml with .env.example', () => {
  it('runs PostgreSQL, Redis, the mail catcher, every deployable and the storefront, and nothing else', () => {
    expect(Object.keys(config.services).sort()).toEqual(
      [...STORES, MAIL_CATCHER, ...UNITS.map((unit) => unit.name)].sort(),
    );
  });

  it.each(['JWT_KEY', 'POSTGRES_PASSWORD'])('refuses to start when .env lacks %s, or leaves it empty', (name) => {
    for (const value of [undefined, '']) {
      const run = composeConfig(exampleWith({ [name]: value }));
      expect(run.status, `${name}=${value ?? '(missing)'}`).not.toBe(0);
      expect(run.stderr).toContain(name);
    }
  });

  it('never falls back to a default or empty JWT_KEY, wherever it is used', () => {
    const uses = [...readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8').matchAll(/\$\{JWT_KEY([^}]*)\}/g)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [use, modifier] of uses) expect(modifier, use).toMatch(/^:\?/);
  });

  it("offers a placeholder JWT_KEY that the services' own config refuses, so nobody runs on it", () => {
    expect(example.JWT_KEY).toBeDefined();
    expect(jwtKeySchema.safeParse(example.JWT_KEY).success).toBe(false);
  });

  it('keeps .env, where the real secrets go, out of git', () => {
    const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n');
    expect(ignored).toContain('.env');
  });

  it('publishes only the gateway on 4000, the storefront on 3000 and the web inbox on 8025 (to this machine only)', () => {
    const published = Object.entries(config.services).flatMap(([name, definition]) =>
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

  it('gives every service a health check', () => {
    for (const [name, definition] of Object.entries(config.services)) {
      expect(definition.healthcheck?.disable, name).not.toBe(true);
      expect(healthcheckCommand(definition), name).not.toBe('');
    }
  });

  it.each(UNITS)("checks $name's health on its own port", (unit) => {
    const path = unit.name === 'client' ? '/healthz' : '/readyz';
    expect(healthcheckCommand(service(unit.name))).toContain(`http://127.0.0.1:${unit.port}${path}`);
  });

  it('starts each service only once what it needs is healthy', () => {
    const expected: Record<string, string[]> = {
      gateway: ['redis', ...SUBGRAPHS],
      client: ['gateway'],
    };
    for (const unit of UNITS.filter((candidate) => !(candidate.name in expected))) expected[unit.name] = STORES;
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

  it('gives PostgreSQL the password from .env, and the services a URL with it', () => {
    expect(env('postgres').POSTGRES_PASSWORD).toBe(example.POSTGRES_PASSWORD);
    const url = new URL(env('auth').DATABASE_URL ?? '');
    expect(url.hostname).toBe('postgres');
    expect(url.password).toBe(example.POSTGRES_PASSWORD);
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

    it(`listens on ${unit.portVariable}=${unit.port} and ${unit.bundled ? 'gets JWT_KEY from .env' : 'gets no JWT_KEY, which it does not use'}`, () => {
      expect(env(unit.name)[unit.portVariable]).toBe(String(unit.port));
      expect(env(unit.name).JWT_KEY).toBe(unit.bundled ? example.JWT_KEY : undefined);
    });

    if (unit.bundled) {
      it('listens on every interface and finds Redis (and PostgreSQL) by service name', () => {
        expect(env(unit.name).BIND_HOST).toBe('0.0.0.0');
        expect(new URL(env(unit.name).REDIS_URL ?? '').hostname).toBe('redis');
        if (unit.name !== 'gateway') expect(new URL(env(unit.name).DATABASE_URL ?? '').hostname).toBe('postgres');
      });
    }
  });

  // Only the code that exists can judge; the others join as their main.ts lands.
  it.each(presentDeployables())('gives $name an environment its own config accepts', async (deployable) => {
    const given = { ...containerEnv(service(deployable.name)), JWT_KEY: STAND_IN_JWT_KEY };
    expect(await configRefusals(deployable, given)).toEqual([]);
  });

  it('passes the Stripe keys set in .env to payments and the gateway, and leaves them unset otherwise', () => {
    const run = composeConfig(exampleWith({ STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' }));
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
    const run = composeConfig(exampleWith({ SMTP_URL: 'smtps://user:secret@smtp.example.com:465' }));
    expect(run.status, run.stderr).toBe(0);
    expect(containerEnv(parseComposeConfig(run.stdout).services.auth).SMTP_URL).toBe(
      'smtps://user:secret@smtp.example.com:465',
    );
  });

  it("points the storefront's server at the gateway service", () => {
    expect(env('client').GATEWAY_URL).toBe(`http://gateway:${env('gateway').GATEWAY_PORT}/graphql`);
  });
});
