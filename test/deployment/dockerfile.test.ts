import { existsSync, readFileSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workspaceOf } from '../../scripts/build.js';
import { renderDockerfile } from '../../scripts/dockerfile.js';
import { BUNDLED } from '../../scripts/services.js';
import { UNITS } from './deployment-units.js';
import {
  chainOf,
  envOf,
  instructionsOf,
  parseCopy,
  parseDockerfile,
  stageNamed,
  stagesFeeding,
  type Stage,
} from './dockerfile.js';
import { isIgnored, parseDockerignore } from './dockerignore.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dockerfileText = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const dockerfile = parseDockerfile(dockerfileText);
const dockerignore = parseDockerignore(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));

const runs = (stage: Stage, pattern: RegExp) =>
  stage.instructions.some((instruction) => instruction.keyword === 'RUN' && pattern.test(instruction.args));

/** npm ci without --omit=dev somewhere in the stage's chain: its node_modules hold dev tools. */
function holdsDevDependencies(stageName: string): boolean {
  return chainOf(dockerfile, stageName).some((stage) =>
    stage.instructions.some(
      (instruction) =>
        instruction.keyword === 'RUN' && /\bnpm ci\b/.test(instruction.args) && !/--omit=dev/.test(instruction.args),
    ),
  );
}

function installsProductionDependencies(stageName: string): boolean {
  return (
    chainOf(dockerfile, stageName).some((stage) => runs(stage, /\bnpm ci\b.*--omit=dev/)) &&
    !holdsDevDependencies(stageName)
  );
}

/** A copy out of a stage with dev tools may take build output, never its node_modules. */
function isBuildOutput(source: string, from: string): boolean {
  if (source.includes('node_modules') || /^(\/app\/?|\.\/?|\/)$/.test(source)) return false;
  if (/\/dist\/[\w.-]+$/.test(source)) return true;
  const directory = source.replace(/^\/app\//, '').replace(/\/$/, '');
  return chainOf(dockerfile, from).some((stage) => runs(stage, new RegExp(`rm -rf .*\\b${directory}/node_modules\\b`)));
}

function copiesInto(chain: Stage[]) {
  return instructionsOf(chain, 'COPY').map(parseCopy);
}

/** Where a COPY lands, WORKDIR applied, for each of its sources. */
function destinationsOf(chain: Stage[]): Array<{ source: string; target: string }> {
  const landed: Array<{ source: string; target: string }> = [];
  let workdir = '/';
  for (const instruction of chain.flatMap((stage) => stage.instructions)) {
    if (instruction.keyword === 'WORKDIR') workdir = posix.resolve(workdir, instruction.args);
    if (instruction.keyword !== 'COPY') continue;
    const copy = parseCopy(instruction);
    const base = posix.resolve(workdir, copy.destination);
    for (const source of copy.sources) {
      landed.push({ source, target: copy.destination.endsWith('/') ? posix.join(base, basename(source)) : base });
    }
  }
  return landed;
}

describe('Dockerfile', () => {
  it('is what npm run dockerfile writes from the manifest (scripts/services.ts): run it after changing either', () => {
    expect(dockerfileText).toBe(renderDockerfile());
  });

  it('has a target named after every deployable and the storefront', () => {
    const missing = UNITS.filter((unit) => !stageNamed(dockerfile, unit.name)).map((unit) => unit.name);
    expect(missing).toEqual([]);
  });

  it('builds every stage on Node 20, the major version package.json engines asks for', () => {
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } })
      .engines.node;
    const [, major, minor] = /(\d+)\.(\d+)/.exec(engines) ?? [];
    const image = dockerfile.globalArgs.NODE_IMAGE ?? '';
    const [, imageMajor, imageMinor] = /^node:(\d+)(?:\.(\d+))?/.exec(image) ?? [];
    expect(imageMajor, `NODE_IMAGE ${image}`).toBe(major);
    if (imageMinor !== undefined) expect(Number(imageMinor)).toBeGreaterThanOrEqual(Number(minor));
    for (const stage of dockerfile.stages) {
      expect(stageNamed(dockerfile, stage.from) !== undefined || stage.from === '${NODE_IMAGE}', stage.name).toBe(true);
    }
  });

  it('installs with npm ci from the lockfile, never npm install', () => {
    const installs = dockerfile.stages.flatMap((stage) =>
      instructionsOf([stage], 'RUN').filter((instruction) => /\bnpm (install|i|add)\b/.test(instruction.args)),
    );
    expect(installs.map((instruction) => `line ${instruction.line}: ${instruction.args}`)).toEqual([]);
    const npmCiStages = dockerfile.stages.filter((stage) => runs(stage, /\bnpm ci\b/));
    expect(npmCiStages.length).toBeGreaterThan(0);
    for (const stage of npmCiStages) {
      const lockfile = stagesFeeding(dockerfile, stage.name).some((feeding) =>
        feeding.instructions.some((instruction) => instruction.args.includes('package-lock.json')),
      );
      expect(lockfile, `stage ${stage.name} runs npm ci without package-lock.json`).toBe(true);
    }
  });

  it('installs the production dependencies of every bundled workspace for the services', () => {
    const modules = copiesInto(chainOf(dockerfile, 'gateway')).find(
      (copy) => copy.from !== undefined && installsProductionDependencies(copy.from),
    );
    expect(modules, 'the gateway copies no production-only node_modules').toBeDefined();
    const install = chainOf(dockerfile, modules?.from ?? '')
      .flatMap((stage) => instructionsOf([stage], 'RUN'))
      .find((instruction) => /\bnpm ci\b/.test(instruction.args));
    for (const deployable of BUNDLED) {
      expect(install?.args, deployable.name).toContain(`--workspace=${workspaceOf(deployable)}`);
    }
  });

  describe.each(UNITS)('the $name target', (unit) => {
    const chain = chainOf(dockerfile, unit.name);
    const env = envOf(chain);

    it('is only the runtime: built in other stages, with no npm run in its own', () => {
      expect(chain.some((stage) => runs(stage, /\bnpm\b/))).toBe(false);
      expect(copiesInto(chain).filter((copy) => copy.from !== undefined).length).toBeGreaterThan(0);
    });

    it('holds production dependencies only', () => {
      const copies = copiesInto(chain).filter((copy) => copy.from !== undefined);
      expect(copies.some((copy) => installsProductionDependencies(copy.from ?? ''))).toBe(true);
      for (const copy of copies.filter((candidate) => holdsDevDependencies(candidate.from ?? ''))) {
        for (const source of copy.sources) {
          expect(isBuildOutput(source, copy.from ?? ''), `COPY --from=${copy.from} ${source}`).toBe(true);
        }
      }
    });

    it('runs as a user other than root', () => {
      const user = instructionsOf(chain, 'USER').at(-1)?.args.trim();
      expect(user, 'no USER').toBeDefined();
      expect(['root', '0', '0:0']).not.toContain(user);
    });

    it(`checks its health at /healthz on ${unit.portVariable}, which it sets to ${unit.port} and exposes`, () => {
      const healthcheck = instructionsOf(chain, 'HEALTHCHECK').at(-1)?.args ?? '';
      expect(healthcheck).toContain('/healthz');
      expect(healthcheck).toContain(`process.env.${unit.portVariable}`);
      expect(env[unit.portVariable]).toBe(String(unit.port));
      expect(instructionsOf(chain, 'EXPOSE').flatMap((instruction) => instruction.args.split(/\s+/))).toContain(
        String(unit.port),
      );
    });

    if (unit.bundled) {
      it(`starts dist/${unit.name}.js, bundled by a build stage that must find its entry`, () => {
        expect(instructionsOf(chain, 'CMD').at(-1)?.args).toContain(`dist/${unit.name}.js`);
        expect(env.BIND_HOST).toBe('0.0.0.0');
        expect(env.NODE_ENV).toBe('production');
        const bundle = copiesInto(chain).find((copy) => copy.sources.includes(`/app/dist/${unit.name}.js`));
        expect(bundle?.from, `no COPY of /app/dist/${unit.name}.js`).toBeDefined();
        const build = instructionsOf(chainOf(dockerfile, bundle?.from ?? ''), 'RUN').find((instruction) =>
          /\bnpm run build\b/.test(instruction.args),
        );
        expect(build?.args.split(/\s+/)).toContain(unit.name);
      });
    } else {
      it('starts Next.js behind the server that appends the browser’s address, on CLIENT_PORT, on every interface', () => {
        const command = instructionsOf(chain, 'CMD').at(-1)?.args ?? '';
        expect(command).toContain('/app/client/scripts/storefront-server.mjs');
        expect(env.BIND_HOST).toBe('0.0.0.0');
        expect(env.NODE_ENV).toBe('production');
      });
    }
  });

  it('gives the gateway its supergraph at SUPERGRAPH_PATH (the bundle is not where the source looked)', () => {
    const chain = chainOf(dockerfile, 'gateway');
    const path = envOf(chain).SUPERGRAPH_PATH;
    expect(path).toBeDefined();
    const copied = destinationsOf(chain).find((landed) => landed.target === path);
    expect(copied, `nothing is copied to ${path}`).toBeDefined();
    expect(existsSync(join(ROOT, copied?.source ?? ''))).toBe(true);
    expect(isIgnored(dockerignore, copied?.source ?? '')).toBe(false);
  });
});

describe('.dockerignore', () => {
  it.each([
    'node_modules/graphql/index.js',
    'packages/common/node_modules/@apollo/subgraph/package.json',
    'dist/auth.js',
    'client/.next/server/app.js',
    '.git/HEAD',
    '.env',
    '.env.production',
    'test-artifacts/home.png',
  ])('leaves %s out of the build context', (path) => {
    expect(isIgnored(dockerignore, path)).toBe(true);
  });

  it.each([
    'package.json',
    'package-lock.json',
    'tsconfig.base.json',
    'scripts/build.ts',
    'schema/supergraph.graphql',
    'gateway/src/main.ts',
    'packages/common/package.json',
    'client/app/page.tsx',
    'client/next.config.ts',
  ])('keeps %s, which a build stage needs', (path) => {
    expect(isIgnored(dockerignore, path)).toBe(false);
  });
});
