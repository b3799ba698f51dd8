import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Started in this order, each once the one before says it is ready; stopped in reverse. */
export const SERVICES: Array<{ name: string; entry: string }> = [
  { name: 'auth', entry: 'subgraphs/auth/src/main.ts' },
  { name: 'catalog', entry: 'subgraphs/catalog/src/main.ts' },
  { name: 'orders', entry: 'subgraphs/orders/src/main.ts' },
  { name: 'payments', entry: 'subgraphs/payments/src/main.ts' },
  { name: 'expiration', entry: 'workers/expiration/src/main.ts' },
  { name: 'gateway', entry: 'gateway/src/main.ts' },
  { name: 'client', entry: 'client/scripts/serve.ts' },
];

export interface Launched {
  /** Resolves when a service dies on its own, naming it. */
  crashed: Promise<string>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Every service as its own process, as in production: a crash in one is not a crash in all.
 * `env` replaces the environment (tests and benchmarks give each run its own namespace).
 */
export async function launchServices(
  env: NodeJS.ProcessEnv = process.env,
  options: { without?: string[] } = {},
): Promise<Launched> {
  const running: ChildProcess[] = [];
  let stopping = false;
  let reportCrash: (name: string) => void = () => {};
  const crashed = new Promise<string>((resolve) => (reportCrash = resolve));

  const stop = async () => {
    stopping = true;
    for (const child of [...running].reverse()) {
      if (exited(child)) continue;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
  };

  for (const { name, entry } of SERVICES.filter((service) => !options.without?.includes(service.name))) {
    const child = fork(`${ROOT}/${entry}`, [], { cwd: ROOT, env, execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    running.push(child);
    try {
      await new Promise<void>((resolve, reject) => {
        child.once('message', (message: { type?: string }) => message.type === 'ready' && resolve());
        child.once('exit', (code, signal) =>
          reject(new Error(`${name} exited during start-up (${signal ?? `code ${code}`})`)),
        );
      });
    } catch (error) {
      await stop();
      throw error;
    }
    child.once('exit', () => {
      if (!stopping) reportCrash(name);
    });
  }
  return { crashed, stop };
}
