import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dropNamespace, eventually, testEnv } from '@stuffmart/test-kit';
import { descendants, isAlive } from './process-tree.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Started {
  npm: ChildProcess;
  env: NodeJS.ProcessEnv;
  readyz: string;
  output: () => string;
}

const started: Started[] = [];

/** `npm start` as a user runs it (without the storefront), on ports and a namespace of its own. */
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
    SUBGRAPH_URLS: ['auth', 'catalog', 'orders', 'payments']
      .map((name, i) => `${name}=http://127.0.0.1:${base + 1 + i}/graphql`)
      .join(','),
  };
  const npm = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
});
