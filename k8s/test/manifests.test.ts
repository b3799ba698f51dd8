import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDockerfile, stageNamed } from '../../test/deployment/dockerfile.js';
import { PUBLIC_PORTS, SIGNERS, SUBGRAPHS, UNITS, VOUCHER_HOLDERS } from '../../test/deployment/deployment-units.js';
import { configRefusals, STAND_IN_JWT_KEY } from '../../test/deployment/service-config.js';
import { BUNDLED } from '../../scripts/services.js';
import { K8S_DIR, loadManifests, manifestFiles } from './load-manifests.js';
import { unknownFieldProblems } from './unknown-fields.js';
import {
  configMapReferences,
  containersOf,
  deploymentProblems,
  envValue,
  ingressAllowed,
  nameOf,
  parseCpu,
  podTemplateOf,
  SECRET_VARIABLES,
  routeOf,
  secretReferences,
  selects,
  serviceProblems,
  statefulSetProblems,
  type KeysNeeded,
  type Peer,
  type Workload,
} from './manifest-rules.js';

const ROOT = join(K8S_DIR, '..');
const manifests = loadManifests();
const workloads: Workload[] = [...manifests.deployments, ...manifests.statefulSets];

function deployment(name: string): Deployment {
  const found = manifests.deployments.find((candidate) => nameOf(candidate) === name);
  if (!found) throw new Error(`k8s/ has no Deployment ${name}`);
  return found;
}

/** A deep copy to break on purpose, so each rule is seen to fail as well as pass. */
function brokenCopy(name: string, breakIt: (copy: Deployment) => void): Deployment {
  const copy = new Deployment(structuredClone(deployment(name).toJSON()));
  breakIt(copy);
  return copy;
}

/** Values standing in for the Secrets the operator creates. */
const STAND_IN_SECRETS: Record<string, string> = {
  JWT_KEY: STAND_IN_JWT_KEY,
  VOUCHER_KEY: 'v'.repeat(48),
  DATABASE_ADMIN_URL: 'postgres://postgres:stand-in@postgres:5432/postgres',
  POSTGRES_PASSWORD: 'stand-in',
  SMTP_URL: 'smtps://stand-in:stand-in@smtp.example.com:465',
  REDIS_URL: 'redis://:stand-in@redis:6379',
  REDIS_PASSWORD: 'stand-in',
  ...Object.fromEntries(
    SUBGRAPHS.map((name) => [
      `${name.toUpperCase()}_DATABASE_URL`,
      `postgres://stuffmart_${name}:x@postgres:5432/postgres`,
    ]),
  ),
};

function keysNeeded(name: string): KeysNeeded {
  return {
    needsJwtKey: (SIGNERS as readonly string[]).includes(name),
    needsVoucherKey: (VOUCHER_HOLDERS as readonly string[]).includes(name),
  };
}

function secretOf(target: Workload, variable: string) {
  return containersOf(target)
    .flatMap((container) => container.env ?? [])
    .find((entry) => entry.name === variable)?.valueFrom?.secretKeyRef;
}

/**
 * The environment a Deployment's container starts with: its ConfigMaps, its own values, and
 * stand-ins for required Secrets. An optional Secret is taken as absent (no Stripe yet).
 */
function containerEnv(target: Deployment): Record<string, string> {
  const configMaps = new Map(manifests.configMaps.map((configMap) => [nameOf(configMap), configMap.data ?? {}]));
  const env: Record<string, string> = {};
  for (const container of containersOf(target)) {
    for (const source of container.envFrom ?? []) Object.assign(env, configMaps.get(source.configMapRef?.name ?? ''));
    for (const variable of container.env ?? []) {
      const { configMapKeyRef, secretKeyRef } = variable.valueFrom ?? {};
      if (variable.value !== undefined) env[variable.name] = variable.value;
      else if (configMapKeyRef)
        env[variable.name] = configMaps.get(configMapKeyRef.name ?? '')?.[configMapKeyRef.key] ?? '';
      else if (secretKeyRef && !secretKeyRef.optional)
        env[variable.name] = STAND_IN_SECRETS[secretKeyRef.key] ?? 'stand-in';
    }
  }
  return env;
}

/** `kubectl create secret generic <name> --from-literal=<KEY>=…` commands in k8s/README.md. */
function documentedSecrets(): Map<string, Set<string>> {
  const readme = readFileSync(join(K8S_DIR, 'README.md'), 'utf8').replace(/\\\n\s*/g, ' ');
  const secrets = new Map<string, Set<string>>();
  for (const [command, name = ''] of readme.matchAll(/kubectl create secret generic ([\w-]+)[^\n]*/g)) {
    const keys = secrets.get(name) ?? new Set<string>();
    for (const [, key = ''] of command.matchAll(/--from-literal=(\w+)=/g)) keys.add(key);
    secrets.set(name, keys);
  }
  return secrets;
}

describe('k8s/', () => {
  it('holds only Kubernetes objects with a known schema', () => {
    expect(manifests.unreadable).toEqual([]);
    expect(manifests.all.length).toBeGreaterThan(0);
  });

  it.each(
    manifests.all.map((manifest) => [`${manifest.kind} ${manifest.name} (${manifest.source})`, manifest] as const),
  )('%s validates against the Kubernetes schema', (_, manifest) => {
    expect(manifest.name).not.toBe('');
    expect(() => manifest.model.validate()).not.toThrow();
  });

  it('uses no field the Kubernetes API does not know (kubectl refuses them; validate() does not)', () => {
    expect(unknownFieldProblems(manifests.all)).toEqual([]);
  }, 30_000);

  it('names every object once per kind', () => {
    const keys = manifests.all.map((manifest) => `${manifest.kind}/${manifest.name}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  describe.each(UNITS)('$name', (unit) => {
    const keys = keysNeeded(unit.name);
    it(`has a Deployment that is scaled out, probed, limited, non-root, ${keys.needsJwtKey ? 'with' : 'without'} JWT_KEY and ${keys.needsVoucherKey ? 'with' : 'without'} VOUCHER_KEY`, () => {
      expect(deploymentProblems(deployment(unit.name), keys)).toEqual([]);
    });

    it(`listens on ${unit.portVariable}=${unit.port}, the port its container declares`, () => {
      expect(envValue(deployment(unit.name), unit.portVariable)).toBe(String(unit.port));
      const ports = containersOf(deployment(unit.name)).flatMap((container) => container.ports ?? []);
      expect(ports.map((port) => port.containerPort)).toContain(unit.port);
    });

    it(`runs the image skaffold builds from the Dockerfile target ${unit.name}`, () => {
      expect(containersOf(deployment(unit.name)).map((container) => container.image)).toEqual([
        `stuffmart/${unit.name}`,
      ]);
    });

    it(`has a Service of its name on port ${unit.port}, selecting its pods`, () => {
      const service = manifests.services.find((candidate) => nameOf(candidate) === unit.name);
      expect(service, `no Service ${unit.name}`).toBeDefined();
      if (!service) return;
      expect(selects(service, deployment(unit.name))).toBe(true);
      expect(service.spec?.ports?.map((port) => port.port)).toContain(unit.port);
    });
  });

  it.each(manifests.services.map((service) => [nameOf(service), service] as const))(
    'Service %s selects an existing workload on a port it declares',
    (_, service) => {
      expect(serviceProblems(service, workloads)).toEqual([]);
    },
  );

  it('keeps PostgreSQL and Redis in StatefulSets on persistent volume claims, behind headless Services', () => {
    const headless = manifests.services
      .filter((service) => service.spec?.clusterIP === 'None')
      .map((service) => nameOf(service));
    expect(manifests.statefulSets.map(nameOf).sort()).toEqual(['postgres', 'redis']);
    for (const statefulSet of manifests.statefulSets) expect(statefulSetProblems(statefulSet, headless)).toEqual([]);
  });

  it('runs Redis with append-only persistence, no eviction, and maxmemory under its memory limit', () => {
    const redis = manifests.statefulSets.find((candidate) => nameOf(candidate) === 'redis');
    const container = redis ? containersOf(redis)[0] : undefined;
    const args = [...(container?.command ?? []), ...(container?.args ?? [])].join(' ');
    expect(args).toMatch(/--appendonly yes/);
    expect(args).toMatch(/--maxmemory-policy noeviction/);
    const maxmemory = /--maxmemory (\d+)mb/.exec(args)?.[1];
    const limit = String(container?.resources?.limits?.memory ?? '');
    expect(Number(maxmemory) * 2 ** 20).toBeLessThan(Number(/^(\d+)Mi$/.exec(limit)?.[1]) * 2 ** 20);
  });

  it('routes /graphql and /webhooks/stripe to the gateway and everything else to the storefront, through ingress-nginx', () => {
    expect(manifests.ingresses).toHaveLength(1);
    const [ingress] = manifests.ingresses;
    if (!ingress) return;
    expect(ingress.spec?.ingressClassName).toBe('nginx');
    const gateway = { service: 'gateway', port: PUBLIC_PORTS.gateway };
    const client = { service: 'client', port: PUBLIC_PORTS.client };
    expect(routeOf(ingress, '/graphql')).toEqual(gateway);
    expect(routeOf(ingress, '/webhooks/stripe')).toEqual(gateway);
    expect(routeOf(ingress, '/')).toEqual(client);
    expect(routeOf(ingress, '/stuff/42')).toEqual(client);
    // The gateway's health and readiness (which names what is down) stay inside the cluster.
    expect(routeOf(ingress, '/readyz')).toEqual(client);
    for (const { service, port } of [gateway, client]) {
      const target = manifests.services.find((candidate) => nameOf(candidate) === service);
      expect(target?.spec?.ports?.map((candidate) => candidate.port)).toContain(port);
    }
  });

  it('keeps WebSocket subscriptions open past ingress-nginx’s 60-second default', () => {
    const annotations = manifests.ingresses[0]?.metadata?.annotations ?? {};
    expect(Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(3600);
    expect(Number(annotations['nginx.ingress.kubernetes.io/proxy-send-timeout'])).toBeGreaterThanOrEqual(3600);
  });

  it('runs no more gateway workers in a pod than its CPU limit has cores (the default would count the node’s)', () => {
    const gateway = deployment('gateway');
    const limit = containersOf(gateway)[0]?.resources?.limits?.cpu;
    expect(limit).toBeDefined();
    const workers = Number(envValue(gateway, 'GATEWAY_WORKERS'));
    expect(workers).toBeGreaterThanOrEqual(1);
    expect(workers).toBeLessThanOrEqual(Math.max(1, Math.floor(parseCpu(limit!))));
  });

  it('points the gateway at every subgraph through its Service, and trusts the proxy it sits behind', () => {
    const gateway = deployment('gateway');
    expect(envValue(gateway, 'TRUST_PROXY')).toBe('true');
    const urls = (envValue(gateway, 'SUBGRAPH_URLS') ?? '').split(',').map((entry) => entry.split(/=(.*)/s));
    expect(urls.map(([name]) => name).sort()).toEqual([...SUBGRAPHS].sort());
    for (const [name = '', url = ''] of urls) {
      const { hostname, port, pathname } = new URL(url);
      const service = manifests.services.find((candidate) => nameOf(candidate) === hostname);
      expect(service, `${name}: no Service ${hostname}`).toBeDefined();
      expect(service?.spec?.ports?.map((candidate) => String(candidate.port))).toContain(port);
      expect(pathname).toBe('/graphql');
      expect(hostname).toBe(name);
    }
  });

  // Only the code that exists can judge; the others join as their main.ts lands.
  it.each(BUNDLED)('gives $name an environment its own config accepts', async (deployable) => {
    expect(await configRefusals(deployable, containerEnv(deployment(deployable.name)))).toEqual([]);
  });

  it("points the storefront's server at the gateway Service", () => {
    expect(envValue(deployment('client'), 'GATEWAY_URL')).toBe(`http://gateway:${PUBLIC_PORTS.gateway}/graphql`);
  });

  it('reads only ConfigMaps defined here, and only keys they hold', () => {
    const configMaps = new Map(manifests.configMaps.map((configMap) => [nameOf(configMap), configMap.data ?? {}]));
    for (const reference of workloads.flatMap(configMapReferences)) {
      const data = configMaps.get(reference.configMap);
      expect(data, `${reference.workload} reads ConfigMap ${reference.configMap}`).toBeDefined();
      if (reference.key) expect(Object.keys(data ?? {}), reference.workload).toContain(reference.key);
    }
  });

  it('reads only Secrets that k8s/README.md tells the operator to create, with the keys it gives them', () => {
    const documented = documentedSecrets();
    expect([...documented.keys()]).toContain('jwt-secret');
    for (const reference of workloads.flatMap(secretReferences)) {
      expect(
        documented.get(reference.secret)?.has(reference.key),
        `${reference.workload} reads ${reference.secret}/${reference.key}`,
      ).toBe(true);
    }
  });

  it('gives auth SMTP_URL (which holds the mail password) from mail-secret', () => {
    const variable = containersOf(deployment('auth'))[0]?.env?.find((entry) => entry.name === 'SMTP_URL');
    expect(variable?.valueFrom?.secretKeyRef).toMatchObject({ name: 'mail-secret', key: 'SMTP_URL' });
    expect(variable?.valueFrom?.secretKeyRef?.optional ?? false).toBe(false);
  });

  it('tells auth where the storefront is, for the links in mails', () => {
    expect(new URL(containerEnv(deployment('auth')).PUBLIC_URL ?? '').protocol).toBe('https:');
  });

  it('keeps every secret out of the ConfigMaps', () => {
    for (const configMap of manifests.configMaps) {
      const held = Object.keys(configMap.data ?? {}).filter((key) => SECRET_VARIABLES.includes(key));
      expect(held, nameOf(configMap)).toEqual([]);
    }
  });

  it('runs Redis with a password from redis-secret, which its probes and every client of ours use', () => {
    const redis = manifests.statefulSets.find((candidate) => nameOf(candidate) === 'redis');
    if (!redis) throw new Error('no redis StatefulSet');
    const args = containersOf(redis).flatMap((container) => [...(container.command ?? []), ...(container.args ?? [])]);
    expect(args.join(' ')).toContain('--requirepass $(REDIS_PASSWORD)');
    expect(secretOf(redis, 'REDIS_PASSWORD')).toEqual({ name: 'redis-secret', key: 'REDIS_PASSWORD' });
    expect(secretOf(redis, 'REDISCLI_AUTH')).toEqual({ name: 'redis-secret', key: 'REDIS_PASSWORD' });
    for (const unit of UNITS) {
      const reference = secretOf(deployment(unit.name), 'REDIS_URL');
      if (unit.redis) expect(reference, unit.name).toEqual({ name: 'redis-secret', key: 'REDIS_URL' });
      else expect(reference, unit.name).toBeUndefined();
    }
  });

  it.each(SUBGRAPHS)('connects %s to PostgreSQL with a URL of its own; the admin URL is optional', (name) => {
    const target = deployment(name);
    expect(secretOf(target, 'DATABASE_URL')).toEqual({
      name: 'database-secret',
      key: `${name.toUpperCase()}_DATABASE_URL`,
    });
    expect(secretOf(target, 'DATABASE_ADMIN_URL')).toEqual({
      name: 'database-secret',
      key: 'DATABASE_ADMIN_URL',
      optional: true,
    });
  });

  it('gives PostgreSQL URLs to the subgraphs only', () => {
    for (const { name } of UNITS.filter((unit) => !unit.database)) {
      const variables = containersOf(deployment(name)).flatMap((container) => container.env ?? []);
      expect(
        variables.map((entry) => entry.name).filter((key) => key.startsWith('DATABASE_')),
        name,
      ).toEqual([]);
    }
  });

  it('serves the site over HTTPS only, with Secure cookies', () => {
    const [ingress] = manifests.ingresses;
    const tls = ingress?.spec?.tls ?? [];
    expect(tls.length).toBeGreaterThan(0);
    for (const entry of tls) expect(entry.secretName).toBeTruthy();
    const covered = tls.flatMap((entry) => entry.hosts ?? []);
    for (const rule of ingress?.spec?.rules ?? []) expect(covered).toContain(rule.host);
    expect(containerEnv(deployment('gateway')).COOKIE_SECURE).toBe('true');
  });

  it('gives each Deployment a PodDisruptionBudget for its own pods, so a drain never takes all of them', () => {
    for (const target of manifests.deployments) {
      const labels = target.spec?.template.metadata?.labels ?? {};
      const budget = manifests.disruptionBudgets.find((candidate) =>
        Object.entries(candidate.spec?.selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value),
      );
      expect(budget, nameOf(target)).toBeDefined();
      expect(budget?.spec?.maxUnavailable ?? 0, nameOf(target)).not.toBe(0);
    }
  });
});

/** The namespace our manifests are applied to (they name none). */
const OURS = 'stuffmart';

function podOf(name: string): Peer {
  const target = workloads.find((candidate) => nameOf(candidate) === name);
  if (!target) throw new Error(`k8s/ has no workload ${name}`);
  return { namespace: OURS, labels: podTemplateOf(target)?.metadata?.labels ?? {} };
}

describe('NetworkPolicy', () => {
  const policies = manifests.networkPolicies;
  const ingressController: Peer = { namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } };
  const strangers: Record<string, Peer> = {
    'a pod of ours without our labels': { namespace: OURS, labels: { run: 'debug' } },
    "another namespace's pod named gateway": { namespace: 'other', labels: { 'app.kubernetes.io/name': 'gateway' } },
    'the ingress controller': ingressController,
  };
  const PORTS: Record<string, number> = {
    ...Object.fromEntries(UNITS.map((unit) => [unit.name, unit.port])),
    postgres: 5432,
    redis: 6379,
  };
  const allowed = (from: Peer, to: string) => ingressAllowed(policies, from, podOf(to), PORTS[to] ?? 0);
  const everyone = Object.keys(PORTS);

  it('isolates every pod of ours: each is selected by a policy', () => {
    for (const name of everyone) expect(allowed({ namespace: 'anywhere', labels: {} }, name), name).toBe(false);
  });

  it.each(SUBGRAPHS)('lets only the gateway reach %s', (subgraph) => {
    expect(allowed(podOf('gateway'), subgraph)).toBe(true);
    for (const name of everyone.filter((candidate) => candidate !== 'gateway')) {
      expect(allowed(podOf(name), subgraph), name).toBe(false);
    }
    for (const [who, peer] of Object.entries(strangers)) expect(allowed(peer, subgraph), who).toBe(false);
  });

  it('lets the outside in only through ingress-nginx, to the storefront and the gateway', () => {
    expect(allowed(ingressController, 'client')).toBe(true);
    expect(allowed(ingressController, 'gateway')).toBe(true);
    // The storefront renders pages and proxies /graphql to the gateway.
    expect(allowed(podOf('client'), 'gateway')).toBe(true);
    for (const name of everyone.filter((candidate) => !['client', 'gateway'].includes(candidate))) {
      expect(allowed(ingressController, name), name).toBe(false);
    }
  });

  it('lets only the subgraphs reach PostgreSQL', () => {
    for (const name of everyone) {
      expect(allowed(podOf(name), 'postgres'), name).toBe(UNITS.some((unit) => unit.name === name && unit.database));
    }
    for (const [who, peer] of Object.entries(strangers)) expect(allowed(peer, 'postgres'), who).toBe(false);
  });

  it.each(UNITS.filter((unit) => unit.bundled))(
    'lets Prometheus scrape $name on METRICS_PORT (its port + 5000), and nobody else, and no Service or Ingress route to it',
    (unit) => {
      const metricsPort = unit.port + 5000;
      const target = deployment(unit.name);
      expect(envValue(target, 'METRICS_PORT')).toBe(String(metricsPort));
      const declared = containersOf(target).flatMap((container) => container.ports ?? []);
      expect(declared.find((port) => port.name === 'metrics')?.containerPort).toBe(metricsPort);
      expect(podTemplateOf(target)?.metadata?.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(metricsPort),
      });
      const prometheus: Peer = { namespace: 'monitoring', labels: { 'app.kubernetes.io/name': 'prometheus' } };
      expect(ingressAllowed(policies, prometheus, podOf(unit.name), metricsPort)).toBe(true);
      expect(ingressAllowed(policies, prometheus, podOf(unit.name), unit.port)).toBe(false);
      for (const [who, peer] of [
        ...Object.entries(strangers),
        ...everyone.map((name) => [name, podOf(name)] as const),
      ]) {
        expect(ingressAllowed(policies, peer, podOf(unit.name), metricsPort), who).toBe(false);
      }
      for (const service of manifests.services) {
        expect(
          service.spec?.ports?.map((port) => port.targetPort ?? port.port),
          nameOf(service),
        ).not.toContain(metricsPort);
      }
    },
  );

  it('lets only our services reach Redis, not the storefront', () => {
    for (const unit of UNITS) expect(allowed(podOf(unit.name), 'redis'), unit.name).toBe(unit.redis);
    for (const [who, peer] of Object.entries(strangers)) expect(allowed(peer, 'redis'), who).toBe(false);
  });
});

describe('the rules catch what they are for', () => {
  it.each([
    ['a missing readiness probe', (copy: Deployment) => delete containersOf(copy)[0]?.readinessProbe, 'readinessProbe'],
    [
      'a liveness probe on the wrong path',
      (copy: Deployment) => {
        const probe = containersOf(copy)[0]?.livenessProbe?.httpGet;
        if (probe) probe.path = '/readyz';
      },
      'not /healthz',
    ],
    [
      'a missing memory limit',
      (copy: Deployment) => delete containersOf(copy)[0]?.resources?.limits?.memory,
      'memory limit',
    ],
    [
      'JWT_KEY written into the manifest',
      (copy: Deployment) => {
        const variable = containersOf(copy)[0]?.env?.find((entry) => entry.name === 'JWT_KEY');
        if (variable) {
          variable.value = 'x'.repeat(40);
          delete variable.valueFrom;
        }
      },
      'instead of read from a Secret',
    ],
    [
      'a single replica',
      (copy: Deployment) => {
        if (copy.spec) copy.spec.replicas = 1;
      },
      'replica',
    ],
    [
      'a pod that may run as root',
      (copy: Deployment) => {
        const context = copy.spec?.template.spec?.securityContext;
        if (context) context.runAsNonRoot = false;
      },
      'root',
    ],
  ])('reports %s', (_, breakIt, problem) => {
    expect(deploymentProblems(brokenCopy('auth', breakIt), keysNeeded('auth')).join('\n')).toContain(problem);
  });

  it('reports the signing key given to the storefront, which only renders pages', () => {
    const withKey = brokenCopy('client', (copy) =>
      containersOf(copy)[0]?.env?.push({
        name: 'JWT_KEY',
        valueFrom: { secretKeyRef: { name: 'jwt-secret', key: 'JWT_KEY' } },
      }),
    );
    expect(deploymentProblems(withKey, keysNeeded('client'))).toEqual([
      'client/client: gets JWT_KEY, which it does not use',
    ]);
  });

  it('reports the signing key given to a subgraph that only checks vouchers', () => {
    const withKey = brokenCopy('orders', (copy) =>
      containersOf(copy)[0]?.env?.push({
        name: 'JWT_KEY',
        valueFrom: { secretKeyRef: { name: 'jwt-secret', key: 'JWT_KEY' } },
      }),
    );
    expect(deploymentProblems(withKey, keysNeeded('orders'))).toEqual([
      'orders/orders: gets JWT_KEY, which it does not use',
    ]);
  });

  it('reports a policy that lets every pod reach the subgraphs', () => {
    const open = structuredClone(manifests.networkPolicies.find((policy) => nameOf(policy) === 'subgraphs'));
    const rule = open?.spec?.ingress?.[0];
    if (rule) delete rule.from;
    const others = manifests.networkPolicies.filter((policy) => nameOf(policy) !== 'subgraphs');
    expect(open && ingressAllowed([...others, open], podOf('client'), podOf('orders'), 4003)).toBe(true);
  });

  it('reports a Service whose selector matches no pods', () => {
    const service = structuredClone(manifests.services.find((candidate) => nameOf(candidate) === 'orders'));
    if (service?.spec) service.spec.selector = { 'app.kubernetes.io/name': 'order' };
    expect(service && serviceProblems(service, workloads)).toEqual([
      'Service orders: its selector matches no Deployment or StatefulSet',
    ]);
  });

  it('reports a schema violation', () => {
    const broken = brokenCopy('orders', (copy) => {
      if (copy.spec) copy.spec.replicas = 'two' as unknown as number;
    });
    expect(() => broken.validate()).toThrow(/replicas/);
  });
});

describe('skaffold.yaml', () => {
  interface SkaffoldConfig {
    build?: {
      artifacts?: Array<{ image: string; context?: string; docker?: { dockerfile?: string; target?: string } }>;
    };
    manifests?: { rawYaml?: string[] };
    deploy?: { kubectl?: unknown };
    profiles?: Array<{ name: string; manifests?: { rawYaml?: string[] } }>;
  }
  const skaffold = parse(readFileSync(join(ROOT, 'skaffold.yaml'), 'utf8')) as SkaffoldConfig;
  const dockerfile = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));

  it('builds every image a Deployment runs of ours, each from its Dockerfile target', () => {
    const artifacts = skaffold.build?.artifacts ?? [];
    const images = manifests.deployments.flatMap((target) => containersOf(target).map((container) => container.image));
    expect(artifacts.map((artifact) => artifact.image).sort()).toEqual(images.sort());
    for (const artifact of artifacts) {
      expect(artifact.context ?? '.').toBe('.');
      expect(artifact.docker?.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
      expect(stageNamed(dockerfile, artifact.docker?.target ?? ''), artifact.image).toBeDefined();
      expect(artifact.image).toBe(`stuffmart/${artifact.docker?.target}`);
    }
  });

  it('applies every manifest in k8s/ with kubectl, and nothing from k8s/test', () => {
    const globs = skaffold.manifests?.rawYaml ?? [];
    expect(skaffold.deploy?.kubectl).toBeDefined();
    const matched = (file: string) =>
      globs.some((glob) => new RegExp(`^${glob.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`).test(file));
    for (const file of manifestFiles()) expect(matched(`k8s/${file}`), file).toBe(true);
    expect(matched('k8s/test/manifests.test.ts')).toBe(false);
  });

  it('has a managed-stores profile that applies everything but the PostgreSQL and Redis StatefulSets', () => {
    const profile = skaffold.profiles?.find((candidate) => candidate.name === 'managed-stores');
    const applied = (profile?.manifests?.rawYaml ?? []).map((path) => path.replace(/^k8s\//, '')).sort();
    expect(applied).toEqual(manifestFiles().filter((file) => !['postgres.yaml', 'redis.yaml'].includes(file)));
  });
});
