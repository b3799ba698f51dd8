import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Service } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';

export const K8S_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Every kind k8s/ may hold, by apiVersion/kind; anything else is a mistake to report. */
const MODELS = {
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
} as const;

type Model = InstanceType<(typeof MODELS)[keyof typeof MODELS]>;

export interface Manifest {
  /** File name inside k8s/, and the document's place in it, for messages. */
  source: string;
  apiVersion: string;
  kind: string;
  name: string;
  model: Model;
}

export interface Manifests {
  all: Manifest[];
  /** Documents that are not Kubernetes objects we know, with why. */
  unreadable: string[];
  deployments: Deployment[];
  statefulSets: StatefulSet[];
  services: Service[];
  configMaps: ConfigMap[];
  ingresses: Ingress[];
  networkPolicies: NetworkPolicy[];
  disruptionBudgets: PodDisruptionBudget[];
}

/** The files skaffold applies: k8s/*.yaml, not the tests beside them. */
export function manifestFiles(): string[] {
  return readdirSync(K8S_DIR)
    .filter((file) => file.endsWith('.yaml') || file.endsWith('.yml'))
    .sort();
}

function isModelKey(key: string): key is keyof typeof MODELS {
  return key in MODELS;
}

export function loadManifests(): Manifests {
  const manifests: Manifests = {
    all: [],
    unreadable: [],
    deployments: [],
    statefulSets: [],
    services: [],
    configMaps: [],
    ingresses: [],
    networkPolicies: [],
    disruptionBudgets: [],
  };
  for (const file of manifestFiles()) {
    parseAllDocuments(readFileSync(join(K8S_DIR, file), 'utf8')).forEach((document, index) => {
      const source = `${file}#${index + 1}`;
      if (document.errors.length > 0) {
        manifests.unreadable.push(`${source}: ${document.errors.map((error) => error.message).join('; ')}`);
        return;
      }
      const data: unknown = document.toJS();
      if (data === null || data === undefined) return;
      const { apiVersion, kind, metadata } = data as {
        apiVersion?: unknown;
        kind?: unknown;
        metadata?: { name?: unknown };
      };
      const key = `${String(apiVersion)}/${String(kind)}`;
      if (!isModelKey(key)) {
        manifests.unreadable.push(`${source}: no schema for ${key}`);
        return;
      }
      const name = typeof metadata?.name === 'string' ? metadata.name : '';
      const model = build(key, data);
      manifests.all.push({ source, apiVersion: String(apiVersion), kind: String(kind), name, model });
      if (model instanceof Deployment) manifests.deployments.push(model);
      else if (model instanceof StatefulSet) manifests.statefulSets.push(model);
      else if (model instanceof Service) manifests.services.push(model);
      else if (model instanceof ConfigMap) manifests.configMaps.push(model);
      else if (model instanceof Ingress) manifests.ingresses.push(model);
      else if (model instanceof NetworkPolicy) manifests.networkPolicies.push(model);
      else manifests.disruptionBudgets.push(model);
    });
  }
  return manifests;
}

function build(key: keyof typeof MODELS, data: unknown): Model {
  // The models take the parsed object as it is; validate() is what checks it against the schema.
  switch (key) {
    case 'v1/ConfigMap':
      return new ConfigMap(data as ConstructorParameters<typeof ConfigMap>[0]);
    case 'v1/Service':
      return new Service(data as ConstructorParameters<typeof Service>[0]);
    case 'apps/v1/Deployment':
      return new Deployment(data as ConstructorParameters<typeof Deployment>[0]);
    case 'apps/v1/StatefulSet':
      return new StatefulSet(data as ConstructorParameters<typeof StatefulSet>[0]);
    case 'networking.k8s.io/v1/Ingress':
      return new Ingress(data as ConstructorParameters<typeof Ingress>[0]);
    case 'networking.k8s.io/v1/NetworkPolicy':
      return new NetworkPolicy(data as ConstructorParameters<typeof NetworkPolicy>[0]);
    case 'policy/v1/PodDisruptionBudget':
      return new PodDisruptionBudget(data as ConstructorParameters<typeof PodDisruptionBudget>[0]);
  }
}
