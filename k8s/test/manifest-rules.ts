/**
 * What a manifest must be for Stuffmart, beyond the schema: each rule returns the problems it
 * finds as sentences, so a failing test says what is wrong and where.
 */
import type { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import type { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import type { Service } from 'kubernetes-models/v1';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IProbe } from 'kubernetes-models/v1/Probe';

export type Workload = Deployment | StatefulSet;

/** Values that only ever come from a Secret. */
export const SECRET_VARIABLES = [
  'JWT_KEY',
  'VOUCHER_KEY',
  'DATABASE_URL',
  'DATABASE_ADMIN_URL',
  'POSTGRES_PASSWORD',
  'REDIS_URL',
  'REDIS_PASSWORD',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'SMTP_URL',
];

export const JWT_SECRET = { name: 'jwt-secret', key: 'JWT_KEY' };
export const VOUCHER_SECRET = { name: 'voucher-secret', key: 'VOUCHER_KEY' };

/** Which keys a Deployment holds: JWT_KEY mints any user's token, VOUCHER_KEY only vouches. */
export interface KeysNeeded {
  needsJwtKey: boolean;
  needsVoucherKey: boolean;
}

export function nameOf(object: { metadata?: { name?: string } }): string {
  return object.metadata?.name ?? '(unnamed)';
}

export function podTemplateOf(workload: Workload): IPodTemplateSpec | undefined {
  return workload.spec?.template;
}

export function containersOf(workload: Workload): IContainer[] {
  return podTemplateOf(workload)?.spec?.containers ?? [];
}

/** CPU in cores: "250m" → 0.25, "1" → 1. */
export function parseCpu(quantity: string | number): number {
  const text = String(quantity);
  return text.endsWith('m') ? Number(text.slice(0, -1)) / 1000 : Number(text);
}

const MEMORY_UNITS: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, K: 1e3, M: 1e6, G: 1e9 };

/** Memory in bytes: "384Mi" → 402653184. */
export function parseMemory(quantity: string | number): number {
  const match = /^(\d+(?:\.\d+)?)([KMG]i?)?$/.exec(String(quantity));
  if (!match) return Number.NaN;
  return Number(match[1]) * (match[2] ? (MEMORY_UNITS[match[2]] ?? Number.NaN) : 1);
}

function portMatches(container: IContainer, port: string | number | undefined): boolean {
  return (container.ports ?? []).some((declared) =>
    typeof port === 'string' ? declared.name === port : declared.containerPort === port,
  );
}

function httpProbeProblems(where: string, container: IContainer, probe: IProbe | undefined, path: string): string[] {
  if (!probe) return [`${where}: no ${path === '/readyz' ? 'readinessProbe' : 'livenessProbe'}`];
  if (probe.httpGet?.path !== path)
    return [`${where}: probe asks ${probe.httpGet?.path ?? 'no HTTP path'}, not ${path}`];
  if (!portMatches(container, probe.httpGet.port))
    return [`${where}: probe port ${probe.httpGet.port} is not declared`];
  return [];
}

function resourceProblems(where: string, container: IContainer): string[] {
  const { requests, limits } = container.resources ?? {};
  const problems: string[] = [];
  for (const resource of ['cpu', 'memory'] as const) {
    const request = requests?.[resource];
    const limit = limits?.[resource];
    if (request === undefined) problems.push(`${where}: no ${resource} request`);
    if (limit === undefined) problems.push(`${where}: no ${resource} limit`);
    if (request === undefined || limit === undefined) continue;
    const parse = resource === 'cpu' ? parseCpu : parseMemory;
    if (!(parse(request) <= parse(limit)))
      problems.push(`${where}: ${resource} request ${request} exceeds limit ${limit}`);
  }
  return problems;
}

function keyProblems(
  where: string,
  container: IContainer,
  variable: string,
  secret: { name: string; key: string },
  needed: boolean,
): string[] {
  const reference = (container.env ?? []).find((entry) => entry.name === variable)?.valueFrom?.secretKeyRef;
  if (!needed) return reference ? [`${where}: gets ${variable}, which it does not use`] : [];
  if (!reference || reference.name !== secret.name || reference.key !== secret.key) {
    return [`${where}: ${variable} does not come from secret ${secret.name}, key ${secret.key}`];
  }
  if (reference.optional) return [`${where}: ${variable} is optional, but nothing may start without it`];
  return [];
}

function secretProblems(where: string, container: IContainer, keys: KeysNeeded): string[] {
  const problems: string[] = [];
  for (const variable of container.env ?? []) {
    if (SECRET_VARIABLES.includes(variable.name) && variable.value !== undefined) {
      problems.push(`${where}: ${variable.name} is written into the manifest instead of read from a Secret`);
    }
  }
  return [
    ...problems,
    ...keyProblems(where, container, 'JWT_KEY', JWT_SECRET, keys.needsJwtKey),
    ...keyProblems(where, container, 'VOUCHER_KEY', VOUCHER_SECRET, keys.needsVoucherKey),
  ];
}

function runsAsNonRoot(workload: Workload, container: IContainer): boolean {
  const pod = podTemplateOf(workload)?.spec?.securityContext;
  const own = container.securityContext;
  const nonRoot = own?.runAsNonRoot ?? pod?.runAsNonRoot ?? false;
  const user = own?.runAsUser ?? pod?.runAsUser;
  return nonRoot && user !== 0;
}

/** A Deployment of ours: scaled out, probed, limited, non-root, and given exactly the keys it uses. */
export function deploymentProblems(deployment: Deployment, keys: KeysNeeded): string[] {
  const name = nameOf(deployment);
  const spec = deployment.spec;
  if (!spec) return [`${name}: no spec`];
  const problems: string[] = [];
  if ((spec.replicas ?? 1) < 2) problems.push(`${name}: ${spec.replicas ?? 1} replica, a stateless service wants 2+`);
  const labels = spec.template.metadata?.labels ?? {};
  for (const [key, value] of Object.entries(spec.selector.matchLabels ?? {})) {
    if (labels[key] !== value) problems.push(`${name}: selector ${key}=${value} does not select its own pods`);
  }
  const containers = containersOf(deployment);
  if (containers.length === 0) problems.push(`${name}: no containers`);
  for (const container of containers) {
    const where = `${name}/${container.name}`;
    problems.push(
      ...httpProbeProblems(where, container, container.readinessProbe, '/readyz'),
      ...httpProbeProblems(where, container, container.livenessProbe, '/healthz'),
      ...resourceProblems(where, container),
      ...secretProblems(where, container, keys),
    );
    if (!runsAsNonRoot(deployment, container)) problems.push(`${where}: may run as root`);
  }
  return problems;
}

/** A StatefulSet's data lives on a claim of its own that its container mounts. */
export function statefulSetProblems(statefulSet: StatefulSet, headlessServices: string[]): string[] {
  const name = nameOf(statefulSet);
  const spec = statefulSet.spec;
  if (!spec) return [`${name}: no spec`];
  const problems: string[] = [];
  if (!headlessServices.includes(spec.serviceName ?? '')) {
    problems.push(`${name}: serviceName ${spec.serviceName ?? '(none)'} is not a headless Service here`);
  }
  const claims = (spec.volumeClaimTemplates ?? []).map(nameOf);
  if (claims.length === 0) problems.push(`${name}: no volumeClaimTemplates, its data would not survive the pod`);
  for (const container of containersOf(statefulSet)) {
    const where = `${name}/${container.name}`;
    const mounted = (container.volumeMounts ?? []).map((mount) => mount.name);
    for (const claim of claims) if (!mounted.includes(claim)) problems.push(`${where}: does not mount claim ${claim}`);
    if (!container.readinessProbe) problems.push(`${where}: no readinessProbe`);
    if (!container.livenessProbe) problems.push(`${where}: no livenessProbe`);
    problems.push(...resourceProblems(where, container));
    for (const variable of container.env ?? []) {
      if (SECRET_VARIABLES.includes(variable.name) && variable.value !== undefined) {
        problems.push(`${where}: ${variable.name} is written into the manifest instead of read from a Secret`);
      }
    }
    if (!runsAsNonRoot(statefulSet, container)) problems.push(`${where}: may run as root`);
  }
  return problems;
}

export function selects(service: Service, workload: Workload): boolean {
  const selector = Object.entries(service.spec?.selector ?? {});
  const labels = podTemplateOf(workload)?.metadata?.labels ?? {};
  return selector.length > 0 && selector.every(([key, value]) => labels[key] === value);
}

/** A Service selects pods of a workload defined here, on ports those pods declare. */
export function serviceProblems(service: Service, workloads: Workload[]): string[] {
  const name = nameOf(service);
  const selected = workloads.filter((workload) => selects(service, workload));
  if (selected.length === 0) return [`Service ${name}: its selector matches no Deployment or StatefulSet`];
  const problems: string[] = [];
  for (const port of service.spec?.ports ?? []) {
    const target = port.targetPort ?? port.port;
    for (const workload of selected) {
      if (!containersOf(workload).some((container) => portMatches(container, target))) {
        problems.push(
          `Service ${name}: port ${port.port} targets ${target}, which ${nameOf(workload)} does not declare`,
        );
      }
    }
  }
  return problems;
}

export interface Backend {
  service: string;
  port: number | string;
}

/** Which backend ingress-nginx picks for a path: an Exact match, else the longest Prefix. */
export function routeOf(ingress: Ingress, path: string): Backend | undefined {
  const paths = (ingress.spec?.rules ?? []).flatMap((rule) => rule.http?.paths ?? []);
  const exact = paths.find((candidate) => candidate.pathType === 'Exact' && candidate.path === path);
  const prefixes = paths
    .filter((candidate) => candidate.pathType === 'Prefix' && candidate.path !== undefined)
    .filter(({ path: prefix = '' }) => {
      const trimmed = prefix.replace(/\/$/, '');
      return trimmed === '' || path === trimmed || path.startsWith(`${trimmed}/`);
    })
    .sort((a, b) => (b.path ?? '').length - (a.path ?? '').length);
  const chosen = exact ?? prefixes[0];
  const service = chosen?.backend.service;
  if (!service) return undefined;
  return { service: service.name, port: service.port?.number ?? service.port?.name ?? '' };
}

export interface SecretReference {
  workload: string;
  secret: string;
  key: string;
}

export function secretReferences(workload: Workload): SecretReference[] {
  return containersOf(workload).flatMap((container) =>
    (container.env ?? []).flatMap((variable) => {
      const reference = variable.valueFrom?.secretKeyRef;
      return reference ? [{ workload: nameOf(workload), secret: reference.name ?? '', key: reference.key }] : [];
    }),
  );
}

export interface ConfigMapReference {
  workload: string;
  configMap: string;
  /** Undefined for envFrom, which takes every key. */
  key?: string;
}

export function configMapReferences(workload: Workload): ConfigMapReference[] {
  return containersOf(workload).flatMap((container) => [
    ...(container.envFrom ?? []).flatMap((source) =>
      source.configMapRef ? [{ workload: nameOf(workload), configMap: source.configMapRef.name ?? '' }] : [],
    ),
    ...(container.env ?? []).flatMap((variable) => {
      const reference = variable.valueFrom?.configMapKeyRef;
      return reference ? [{ workload: nameOf(workload), configMap: reference.name ?? '', key: reference.key }] : [];
    }),
  ]);
}

/** The value a container gets for a variable written into the manifest (not from a ConfigMap). */
export function envValue(workload: Workload, variable: string): string | undefined {
  for (const container of containersOf(workload)) {
    const found = (container.env ?? []).find((entry) => entry.name === variable);
    if (found?.value !== undefined) return found.value;
  }
  return undefined;
}

/** A pod opening a connection: its namespace and labels. */
export interface Peer {
  namespace: string;
  labels: Record<string, string>;
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** Kubernetes' label selector: every matchLabels pair and every expression must hold; empty selects all. */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  const pairs = Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const expressions = (selector?.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    const value = labels[key];
    switch (operator) {
      case 'In':
        return value !== undefined && values.includes(value);
      case 'NotIn':
        return value === undefined || !values.includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  });
  return pairs && expressions;
}

/**
 * Whether the NetworkPolicies let `from` connect to `port` of a pod with `to`'s labels, as the
 * API defines it: a pod no policy selects takes anything; a selected pod takes what any of its
 * policies' rules allow. A rule's podSelector alone means pods of the policy's own namespace.
 */
export function ingressAllowed(policies: NetworkPolicy[], from: Peer, to: Peer, port: number): boolean {
  const selecting = policies.filter(
    (policy) =>
      (policy.spec?.policyTypes ?? ['Ingress']).includes('Ingress') &&
      selectorMatches(policy.spec?.podSelector, to.labels),
  );
  if (selecting.length === 0) return true;
  return selecting.some((policy) =>
    (policy.spec?.ingress ?? []).some((rule) => {
      const peers = rule.from ?? [];
      const fromMatches =
        peers.length === 0 ||
        peers.some((peer) => {
          if (peer.ipBlock) return false;
          const namespace = peer.namespaceSelector
            ? selectorMatches(peer.namespaceSelector, { 'kubernetes.io/metadata.name': from.namespace })
            : from.namespace === to.namespace;
          const pod = peer.podSelector ? selectorMatches(peer.podSelector, from.labels) : true;
          return namespace && pod;
        });
      const ports = rule.ports ?? [];
      return fromMatches && (ports.length === 0 || ports.some((allowed) => allowed.port === port));
    }),
  );
}
