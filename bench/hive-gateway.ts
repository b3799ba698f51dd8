import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SUPERGRAPH = fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url));
const require = createRequire(import.meta.url);

export interface HiveGateway {
  url: string;
  version: string;
  stop(): Promise<void>;
}

/**
 * Hive Gateway (`@graphql-hive/gateway`, The Guild's federation gateway) as its CLI runs it, on
 * our own `schema/supergraph.graphql` with each subgraph's URL where the bench system runs it,
 * with `--fork workers` processes, as many as our gateway's GATEWAY_WORKERS.
 */
export async function startHiveGateway(options: {
  port: number;
  subgraphUrls: Record<string, string>;
  workers: number;
}): Promise<HiveGateway> {
  const packageJson = require.resolve('@graphql-hive/gateway/package.json');
  const { version } = JSON.parse(await readFile(packageJson, 'utf8')) as { version: string };
  const bin = join(packageJson, '..', 'dist', 'bin.js');
  let sdl = await readFile(SUPERGRAPH, 'utf8');
  for (const [name, url] of Object.entries(options.subgraphUrls)) {
    sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: )"[^"]*"`), `$1"${url}"`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'hive-gateway-'));
  const path = join(dir, 'supergraph.graphql');
  await writeFile(path, sdl);
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, 'supergraph', path, '--port', String(options.port), '--host', '127.0.0.1', '--fork', String(options.workers)],
    // Its production defaults, as a deployment would run it; its logs are not the bench's.
    { env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'error' }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${options.port}/graphql`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hive-gateway exited (${child.exitCode})`);
    const up = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    }).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('hive-gateway did not answer within 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    version,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await gone;
        clearTimeout(killer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
