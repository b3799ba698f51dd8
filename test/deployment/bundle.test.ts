import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropNamespace, testEnv } from '@stuffmart/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED } from '../../scripts/services.js';
import {
  bundleDeployables,
  productionDependencies,
  undeclaredPackages,
  workspaceOf,
  type Bundle,
} from '../../scripts/build.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const env = testEnv({ NODE_ENV: 'production' });

let outdir: string;
let bundles: Bundle[];

function bundleOf(name: string): Bundle {
  const found = bundles.find((bundle) => bundle.deployable.name === name);
  if (!found) throw new Error(`no bundle for ${name}`);
  return found;
}

/**
 * Generous, because the full suite runs beside this test on two cores: the gateway forks a worker
 * per core, each parsing the supergraph, and a worker may take its whole 12 s to stop.
 */
const HEALTH_DEADLINE_MS = 60_000;
const START_AND_STOP_TIMEOUT_MS = HEALTH_DEADLINE_MS + 30_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<Response> {
  const deadline = Date.now() + HEALTH_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering:\n${output()}`);
    const response = await fetch(url).catch(() => undefined);
    if (response) return response;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer at ${url} within ${HEALTH_DEADLINE_MS / 1000} s:\n${output()}`);
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

beforeAll(async () => {
  // Inside the repository, so the bundles find node_modules as they do in the image's /app.
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  outdir = mkdtempSync(join(ROOT, 'dist', 'test-'));
  bundles = await bundleDeployables(BUNDLED, outdir);
});

afterAll(async () => {
  rmSync(outdir, { recursive: true, force: true });
  await dropNamespace(env.DATABASE_URL ?? '', env.REDIS_URL ?? '', env.STUFFMART_NAMESPACE ?? '');
});

describe('npm run build', () => {
  it('bundles every Node service of the manifest, whose entries all exist', () => {
    expect(bundles.map((bundle) => bundle.deployable.name)).toEqual(BUNDLED.map((deployable) => deployable.name));
    expect(BUNDLED.map((deployable) => deployable.name)).toEqual(expect.arrayContaining(['gateway', 'auth']));
    for (const deployable of BUNDLED) expect(existsSync(join(ROOT, deployable.entry)), deployable.entry).toBe(true);
  });

  it('inlines our workspace packages and leaves every npm package to node_modules', () => {
    for (const bundle of bundles) {
      const code = readFileSync(bundle.file, 'utf8');
      expect(code, bundle.deployable.name).not.toMatch(/from\s+["']@stuffmart\//);
      expect(code, `${bundle.deployable.name} bundles npm code`).not.toMatch(/^\/\/ node_modules\//m);
      // Every service logs and uses Redis (the worker no longer loads graphql at all).
      expect(bundle.packages, bundle.deployable.name).toEqual(expect.arrayContaining(['ioredis', 'pino']));
    }
  });

  it("imports only packages its workspaces list in dependencies, which is all the image's npm ci --omit=dev installs", () => {
    for (const bundle of bundles) expect(undeclaredPackages(bundle), bundle.deployable.name).toEqual([]);
  });

  it('notices an import that works here only because a dev dependency is hoisted', () => {
    const auth = bundleOf('auth');
    expect(productionDependencies(workspaceOf(auth.deployable)).has('vitest')).toBe(false);
    expect(undeclaredPackages({ ...auth, packages: [...auth.packages, 'vitest'] })).toEqual(['vitest']);
  });

  it('leaves the subgraphs’ toolkit (type-graphql, federation, pg) out of the gateway and the worker', () => {
    const toolkit = ['type-graphql', 'reflect-metadata', '@apollo/subgraph', '@graphql-tools/utils', 'pg'];
    for (const deployable of BUNDLED.filter((candidate) => candidate.kind !== 'subgraph')) {
      const packages = bundleOf(deployable.name).packages;
      expect(
        packages.filter((name) => toolkit.includes(name)),
        deployable.name,
      ).toEqual([]);
    }
    // The gateway holds no database at all.
    expect(bundleOf('gateway').packages).not.toContain('kysely');
  });

  it('compiles type-graphql decorators the way tsx does (no define semantics for fields)', () => {
    const code = readFileSync(bundleOf('auth').file, 'utf8');
    expect(code).toMatch(/__decorateClass/);
  });

  it.each(BUNDLED.map((deployable) => [deployable.name, deployable] as const))(
    '%s starts from its bundle alone, answers /healthz and stops cleanly on SIGTERM',
    async (name, deployable) => {
      const port = await freePort();
      const child = spawn(process.execPath, ['--enable-source-maps', join(outdir, `${name}.js`)], {
        cwd: ROOT,
        env: {
          ...env,
          PATH: process.env.PATH,
          BIND_HOST: '127.0.0.1',
          [deployable.portVariable]: String(port),
          // What the gateway's image sets: the bundle is not where the source looked for it.
          SUPERGRAPH_PATH: join(ROOT, 'schema/supergraph.graphql'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      try {
        const response = await waitForHealth(`http://127.0.0.1:${port}/healthz`, child, () => output);
        expect(response.status, output).toBe(200);
        const exited = exitOf(child);
        child.kill('SIGTERM');
        expect(await exited, output).toBe(0);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
    START_AND_STOP_TIMEOUT_MS,
  );
});
