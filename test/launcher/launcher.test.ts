import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dropNamespace, eventually, testEnv } from '@stuffmart/test-kit';
import { SERVICES } from '../../scripts/services.js';
import { descendants, isAlive } from './process-tree.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Started {
  npm: ChildProcess;
  env: NodeJS.ProcessEnv;
  readyz: string;
  output: () => string;
}

const started: Started[] = [];

/**
 * `npm start` as a user runs it (without the storefront), on ports and a namespace of its own:
 * only the *_PORT variables, so the gateway finds the subgraphs where the launcher put them.
 * In a process group of its own, as a terminal would start it.
 */
async function npmStart(): Promise<Started> {
  const base = 23000 + Math.floor(Math.random() * 400) * 10;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...testEnv({ LOG_LEVEL: 'warn' }),
    START_WITHOUT: 'client',
    GATEWAY_PORT: String(base),
    AUTH_PORT: String(base + 1),
    CATALOG_PORT: String(base + 2),
    ORDERS_PORT: String(base + 3),
    PAYMENTS_PORT: String(base + 4),
    EXPIRATION_PORT: String(base + 5),
  };
  delete env.SUBGRAPH_URLS;
  delete env.GATEWAY_URL;
  const npm = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const system = { npm, env, readyz: `http://127.0.0.1:${base}/readyz`, output: () => output };
  started.push(system);
  await eventually(async () => ((await readyStatus(system)) === 200 ? true : undefined), 120_000, 'npm start ready');
  return system;
}

async function readyStatus(system: Started): Promise<number> {
  try {
    return (await fetch(system.readyz, { signal: AbortSignal.timeout(3000) })).status;
  } catch {
    return 0;
  }
}

function serviceProcess(system: Started, entry: string) {
  return descendants(system.npm.pid!).find((proc) => proc.cmdline.includes(entry));
}

afterAll(async () => {
  for (const system of started) {
    // Whatever a failed test left behind.
    for (const proc of descendants(system.npm.pid!)) {
      try {
        process.kill(proc.pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    system.npm.kill('SIGKILL');
    await dropNamespace(system.env.DATABASE_URL!, system.env.REDIS_URL!, system.env.STUFFMART_NAMESPACE!);
  }
}, 60_000);

// Each test starts every service as `npm start` does: on a busy two-core machine that alone can
// take most of a minute, hence the roomy timeouts (they bound a hang, they time nothing).
describe('npm start', () => {
  it('restarts a service killed with SIGKILL, saying so, with the gateway not ready while it is gone; SIGTERM to npm then leaves no process behind', async () => {
    const system = await npmStart();
    const orders = serviceProcess(system, 'subgraphs/orders/src/main.ts');
    expect(orders).toBeDefined();

    process.kill(orders!.pid, 'SIGKILL');
    await eventually(async () => ((await readyStatus(system)) === 503 ? true : undefined), 10_000, '/readyz 503');
    await eventually(async () => ((await readyStatus(system)) === 200 ? true : undefined), 60_000, '/readyz 200');
    const restarted = serviceProcess(system, 'subgraphs/orders/src/main.ts');
    expect(restarted?.pid).toBeDefined();
    expect(restarted!.pid).not.toBe(orders!.pid);
    expect(system.output()).toMatch(/orders exited \(SIGKILL\); restarting it in \d+ ms/);

    const everyone = descendants(system.npm.pid!);
    expect(everyone.length).toBeGreaterThanOrEqual(6);
    const npmExited = new Promise((resolve) => system.npm.once('exit', resolve));
    system.npm.kill('SIGTERM');
    await eventually(
      async () => (everyone.every((proc) => !isAlive(proc.pid)) ? true : undefined),
      30_000,
      'every process of npm start to end',
    );
    await npmExited;
  }, 150_000);

  it('takes every service with it when the launcher itself is killed', async () => {
    const system = await npmStart();
    const launcher = descendants(system.npm.pid!).find(
      (proc) => proc.cmdline.includes('scripts/start.ts') && descendants(proc.pid).length >= 6,
    );
    expect(launcher).toBeDefined();
    const services = descendants(launcher!.pid);
    process.kill(launcher!.pid, 'SIGKILL');
    await eventually(
      async () => (services.every((proc) => !isAlive(proc.pid)) ? true : undefined),
      30_000,
      'every service to end',
    );
    system.npm.kill('SIGTERM');
  }, 150_000);

  it('stops the gateway first, then the rest in reverse order, when a terminal’s Ctrl-C signals the whole process group', async () => {
    const system = await npmStart();
    const everyone = descendants(system.npm.pid!);
    // What a terminal does on Ctrl-C: SIGINT to every process of its foreground group at once.
    process.kill(-system.npm.pid!, 'SIGINT');
    await eventually(
      async () => (everyone.every((proc) => !isAlive(proc.pid)) ? true : undefined),
      60_000,
      'every process of npm start to end',
    );
    // Started in the manifest's order, so stopped in the reverse one (the launcher's own line is not a service's).
    const launched = SERVICES.map((service) => service.name).filter((name) => name !== 'client');
    const stopping = await eventually(
      async () => {
        const lines = [...system.output().matchAll(/^(\w+) stopping \((\w+)\)$/gm)];
        const said = lines
          .filter(([, name]) => launched.includes(name ?? ''))
          .map(([, name, why]) => `${name} ${why}`)
          // The gateway's workers (GATEWAY_WORKERS) say it too, right after their primary.
          .filter((line, i, all) => line !== all[i - 1]);
        return said.length >= launched.length ? said : undefined;
      },
      10_000,
      'each service to say it stops',
    );
    // Each heard it from the launcher alone (SIGTERM), in turn: none took the terminal's SIGINT.
    expect(stopping).toEqual([...launched].reverse().map((name) => `${name} SIGTERM`));
  }, 150_000);
});
