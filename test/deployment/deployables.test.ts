import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SERVICES } from '../../scripts/services.js';
import { loadManifests } from '../../k8s/test/load-manifests.js';
import { nameOf } from '../../k8s/test/manifest-rules.js';
import { ROOT } from './compose-config.js';
import { parseDockerfile } from './dockerfile.js';
import { SUBGRAPHS, UNITS } from './deployment-units.js';

/**
 * Every service of the repository, found from the code rather than from any list: the gateway,
 * each subgraphs/<name> and workers/<name> with a `src/main.ts`, and the storefront.
 */
function servicesInRepository(): string[] {
  const under = (folder: string) =>
    readdirSync(join(ROOT, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, folder, entry.name, 'src', 'main.ts')))
      .map((entry) => entry.name);
  const gateway = existsSync(join(ROOT, 'gateway', 'src', 'main.ts')) ? ['gateway'] : [];
  const client = existsSync(join(ROOT, 'client', 'package.json')) ? ['client'] : [];
  return [...gateway, ...under('subgraphs'), ...under('workers'), ...client].sort();
}

const sorted = (names: Iterable<string>) => [...names].sort();
const unitNames = sorted(UNITS.map((unit) => unit.name));

function yamlFile(path: string): any {
  return parse(readFileSync(join(ROOT, path), 'utf8'));
}

describe('the deployables are the services of the repository, everywhere they are deployed', () => {
  it('lists every service with a main.ts in the manifest, and no service without its code', () => {
    expect(unitNames).toEqual(servicesInRepository());
    for (const service of SERVICES) {
      expect(existsSync(join(ROOT, service.entry)), service.entry).toBe(true);
      expect(service.entry.startsWith(`${service.folder}/`), service.entry).toBe(true);
      const manifest = JSON.parse(readFileSync(join(ROOT, service.folder, 'package.json'), 'utf8')) as { name: string };
      expect(manifest.name, service.folder).toBe(service.package);
    }
  });

  it('has a Dockerfile target for each deployable', () => {
    const targets = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).stages.map((stage) => stage.name);
    for (const name of unitNames) expect(targets, name).toContain(name);
  });

  it('runs each deployable, and only those, beside the stores in docker-compose.yml', () => {
    const services = Object.entries(yamlFile('docker-compose.yml').services ?? {})
      .filter(([, definition]) => !(definition as { profiles?: string[] }).profiles)
      .map(([name]) => name);
    expect(sorted(services.filter((name) => !['postgres', 'redis', 'mailpit'].includes(name)))).toEqual(unitNames);
  });

  it('has one Kubernetes Deployment per deployable and no other, and skaffold builds each image', () => {
    expect(sorted(loadManifests().deployments.map(nameOf))).toEqual(unitNames);
    const artifacts = (yamlFile('skaffold.yaml').build?.artifacts ?? []) as Array<{
      image: string;
      docker?: { target?: string };
    }>;
    expect(sorted(artifacts.map((artifact) => artifact.docker?.target ?? ''))).toEqual(unitNames);
    expect(sorted(artifacts.map((artifact) => artifact.image))).toEqual(unitNames.map((name) => `stuffmart/${name}`));
  });

  it('composes the supergraph from every subgraph, and every subgraph is deployed', () => {
    const subgraphDirs = servicesInRepository().filter((name) => existsSync(join(ROOT, 'subgraphs', name)));
    expect(sorted(SUBGRAPHS)).toEqual(subgraphDirs);
    expect(sorted(Object.keys(yamlFile('rover.yaml').subgraphs ?? {}))).toEqual(subgraphDirs);
    for (const name of subgraphDirs) expect(existsSync(join(ROOT, 'schema', `${name}.graphql`)), name).toBe(true);
  });
});
