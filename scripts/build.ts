/**
 * `npm run build [name…]`: bundles each Node deployable into `dist/<name>.js` for its image.
 *
 * Our workspace packages are inlined: their package.json points at TypeScript source, which
 * Node runs only through tsx. Every npm package stays external and comes from the image's
 * `npm ci --omit=dev`, so native modules, CommonJS packages and graphql's one-copy rule work
 * as they do in development. Without names, every Node service of the manifest (services.ts)
 * is built; with names, those.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { BUNDLED, serviceNamed, type Service } from './services.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORKSPACE_SCOPE = '@stuffmart/';

/** A Node service of the manifest (services.ts): the storefront is built by Next.js instead. */
export type Deployable = Service;

export interface Bundle {
  deployable: Deployable;
  file: string;
  /** The npm packages the bundle imports at run time, by package name. */
  packages: string[];
}

export function workspaceOf(deployable: Deployable): string {
  return deployable.folder;
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

interface PackageManifest {
  name: string;
  dependencies?: Record<string, string>;
}

function readManifest(directory: string): PackageManifest {
  return JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as PackageManifest;
}

/**
 * What `npm ci --omit=dev --workspace=<workspace>` installs for our code: the workspace's
 * dependencies and, through the workspace packages it uses, theirs.
 */
export function productionDependencies(workspace: string, root = ROOT): Set<string> {
  const declared = new Set<string>();
  const visited = new Set<string>();
  const visit = (directory: string) => {
    const manifest = readManifest(directory);
    if (visited.has(manifest.name)) return;
    visited.add(manifest.name);
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      if (name.startsWith(WORKSPACE_SCOPE)) visit(realpathSync(join(root, 'node_modules', name)));
      else declared.add(name);
    }
  };
  visit(join(root, workspace));
  return declared;
}

/** Packages a bundle imports that its image would not install: they work here only because they are hoisted. */
export function undeclaredPackages(bundle: Bundle, root = ROOT): string[] {
  const declared = productionDependencies(workspaceOf(bundle.deployable), root);
  return bundle.packages.filter((name) => !declared.has(name));
}

// Marks the lookup made on our own behalf, so the resolver below does not see itself.
const OWN_LOOKUP = Symbol('own lookup');

/**
 * Keeps npm packages external, importable from the bundle's directory as they are from the
 * source file. npm can install a package for one workspace only (`packages/common/node_modules`):
 * a bare import from `dist/` would miss it, so such an import names the installed file instead.
 */
function externalPackages(outdir: string): Plugin {
  return {
    name: 'external-packages',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === OWN_LOOKUP || args.path.startsWith(WORKSPACE_SCOPE)) return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        const found = await esbuild.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: OWN_LOOKUP,
        });
        if (found.errors.length > 0) return { errors: found.errors };
        const hoisted = join(ROOT, 'node_modules', packageNameOf(args.path)) + sep;
        if (found.path.startsWith(hoisted)) return { path: args.path, external: true };
        const path = relative(outdir, found.path).split(sep).join('/');
        return { path: path.startsWith('.') ? path : `./${path}`, external: true };
      });
    },
  };
}

function packageOfImport(path: string): string {
  const installed = path.lastIndexOf('node_modules/');
  return packageNameOf(installed >= 0 ? path.slice(installed + 'node_modules/'.length) : path);
}

export async function bundleDeployables(
  deployables: readonly Deployable[],
  outdir = join(ROOT, 'dist'),
): Promise<Bundle[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(deployables.map((deployable) => [deployable.name, deployable.entry])),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    // type-graphql's decorators need experimentalDecorators and useDefineForClassFields: false.
    tsconfig: join(ROOT, 'tsconfig.base.json'),
    // Resolve packages as Node does (no "module" field or condition), so a path written for
    // a package installed under a workspace is the file Node itself would load.
    mainFields: ['main'],
    conditions: [],
    metafile: true,
    logLevel: 'warning',
    plugins: [externalPackages(outdir)],
  });
  return deployables.map((deployable) => {
    const file = join(outdir, `${deployable.name}.js`);
    const output = result.metafile.outputs[relative(ROOT, file).split(sep).join('/')];
    if (!output) throw new Error(`esbuild wrote no ${file}`);
    const packages = output.imports
      .filter((entry) => entry.external && !isBuiltin(entry.path))
      .map((entry) => packageOfImport(entry.path));
    return { deployable, file, packages: [...new Set(packages)].sort() };
  });
}

/** The named services, or every one; a service named in the manifest whose entry is missing fails the build. */
function chooseDeployables(names: string[]): Deployable[] {
  const chosen = names.length === 0 ? [...BUNDLED] : names.map(serviceNamed);
  for (const deployable of chosen) {
    if (deployable.kind === 'storefront')
      throw new Error(`${deployable.name} is built by Next.js (npm run build -w client)`);
    if (!existsSync(join(ROOT, deployable.entry)))
      throw new Error(`${deployable.name}: ${deployable.entry} does not exist`);
  }
  return chosen;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const bundles = await bundleDeployables(chooseDeployables(process.argv.slice(2)));
    const undeclared = bundles.flatMap((bundle) =>
      undeclaredPackages(bundle).map(
        (name) => `${bundle.deployable.name} imports ${name}, which no package.json it uses lists in dependencies`,
      ),
    );
    if (undeclared.length > 0) throw new Error(undeclared.join('\n'));
    for (const bundle of bundles) process.stdout.write(`built ${relative(ROOT, bundle.file)}\n`);
  } catch (error) {
    process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
