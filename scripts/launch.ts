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

export interface LaunchOptions {
  without?: string[];
  /** The first pause before restarting a crashed service; it doubles up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** A service up this long has its backoff reset. */
  stableAfterMs?: number;
  /** A service that does not stop this long after SIGTERM is killed. */
  stopTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface Launched {
  stop(): Promise<void>;
}

interface Service {
  name: string;
  entry: string;
  child?: ChildProcess;
  backoffMs: number;
  restartTimer?: NodeJS.Timeout;
  startedAt: number;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Runs every service as its own process, as in production, and keeps them running: a crashed
 * service is started again after a pause that doubles with each crash in a row (and says so),
 * while the others go on and the gateway's /readyz says 503 for as long as it is gone. Each
 * child is forked with an IPC channel and stops when that channel closes, so no service
 * outlives its launcher, however the launcher ends.
 */
export class Supervisor implements Launched {
  private readonly services: Service[];
  private stopping = false;
  private stopped: Promise<void> | undefined;
  private readonly options: Required<Omit<LaunchOptions, 'without'>>;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    options: LaunchOptions = {},
  ) {
    this.options = {
      initialBackoffMs: options.initialBackoffMs ?? 500,
      maxBackoffMs: options.maxBackoffMs ?? 10_000,
      stableAfterMs: options.stableAfterMs ?? 30_000,
      stopTimeoutMs: options.stopTimeoutMs ?? 15_000,
      log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
    };
    this.services = SERVICES.filter((service) => !options.without?.includes(service.name)).map((service) => ({
      ...service,
      backoffMs: this.options.initialBackoffMs,
      startedAt: 0,
    }));
  }

  /** Starts each service once the one before is ready; a failure at this stage stops them all. */
  async start(): Promise<void> {
    for (const service of this.services) {
      if (this.stopping) return;
      try {
        await this.spawn(service);
      } catch (error) {
        await this.stop();
        throw error;
      }
    }
  }

  /** The process id of a service as it runs now (undefined while it is down). */
  pidOf(name: string): number | undefined {
    const child = this.services.find((service) => service.name === name)?.child;
    return child && !exited(child) ? child.pid : undefined;
  }

  /** Stops the services in reverse order of starting, each finishing what it holds. */
  stop(): Promise<void> {
    this.stopping = true;
    this.stopped ??= (async () => {
      for (const service of this.services) clearTimeout(service.restartTimer);
      for (const service of [...this.services].reverse()) {
        const child = service.child;
        if (!child || exited(child)) continue;
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), this.options.stopTimeoutMs);
        await gone;
        clearTimeout(killer);
      }
    })();
    return this.stopped;
  }

  /** Forks the service; resolves once it says it is ready, rejects if it exits before. */
  private spawn(service: Service): Promise<void> {
    const child = fork(`${ROOT}/${service.entry}`, [], {
      cwd: ROOT,
      env: this.env,
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    });
    service.child = child;
    service.startedAt = Date.now();
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      child.on('message', (message: { type?: string }) => {
        if (message?.type !== 'ready' || ready) return;
        ready = true;
        resolve();
      });
      child.once('exit', (code, signal) => {
        const how = signal ?? `code ${code}`;
        if (!ready) reject(new Error(`${service.name} exited during start-up (${how})`));
        if (!this.stopping) this.scheduleRestart(service, how);
      });
    });
  }

  private scheduleRestart(service: Service, how: string): void {
    if (Date.now() - service.startedAt > this.options.stableAfterMs) service.backoffMs = this.options.initialBackoffMs;
    const delay = service.backoffMs;
    service.backoffMs = Math.min(this.options.maxBackoffMs, service.backoffMs * 2);
    this.options.log(`${service.name} exited (${how}); restarting it in ${delay} ms`);
    service.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.spawn(service).then(
        () => this.options.log(`${service.name} restarted and ready`),
        // Its exit schedules the next try.
        () => undefined,
      );
    }, delay);
  }
}

/** Starts every service under a Supervisor (tests and benchmarks give each run its own env). */
export async function launchServices(
  env: NodeJS.ProcessEnv = process.env,
  options: LaunchOptions = {},
): Promise<Launched> {
  const supervisor = new Supervisor(env, options);
  await supervisor.start();
  return supervisor;
}
