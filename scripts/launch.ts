import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { graphqlUrl, portOf, SERVICES, SUBGRAPHS, subgraphUrls } from './services.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The environment each service starts with: the launcher's own, every port as the manifest
 * and the *_PORT variables set it, and every address derived from those ports, so that moving
 * a service (AUTH_PORT=…) moves where the others look for it. SUBGRAPH_URLS and GATEWAY_URL set
 * by hand still win, for a service run elsewhere (`START_WITHOUT=auth`).
 */
export function launchEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const bind = env.BIND_HOST?.trim();
  // A server bound to every interface is reached on this machine's loopback.
  const host = !bind || bind === '0.0.0.0' || bind === '::' ? '127.0.0.1' : bind;
  const ports = Object.fromEntries(SERVICES.map((service) => [service.portVariable, String(portOf(service, env))]));
  const given = Object.fromEntries(
    (env.SUBGRAPH_URLS ?? '')
      .split(',')
      .map((entry) => entry.trim().split(/=(.*)/s))
      .filter(([name, url]) => name && url),
  ) as Record<string, string>;
  const derived = Object.fromEntries(
    SUBGRAPHS.map((subgraph) => [subgraph.name, graphqlUrl(host, portOf(subgraph, env))]),
  );
  const gatewayPort = portOf(
    SERVICES.find((service) => service.kind === 'gateway')!,
    env,
  );
  const launched: NodeJS.ProcessEnv = {
    ...env,
    ...ports,
    SUBGRAPH_URLS: subgraphUrls({ ...derived, ...given }),
    GATEWAY_URL: env.GATEWAY_URL?.trim() || graphqlUrl(host, gatewayPort),
  };
  // One METRICS_PORT cannot serve every process: each takes its own port + 5000.
  delete launched.METRICS_PORT;
  return launched;
}

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

interface Supervised {
  name: string;
  entry: string;
  env: NodeJS.ProcessEnv;
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
 * outlives its launcher, however the launcher ends; each runs in a process group of its own,
 * so signals reach it only from the launcher, which stops them in order.
 */
export class Supervisor implements Launched {
  private readonly services: Supervised[];
  private stopping = false;
  private stopped: Promise<void> | undefined;
  private readonly options: Required<Omit<LaunchOptions, 'without'>>;

  constructor(env: NodeJS.ProcessEnv, options: LaunchOptions = {}) {
    this.options = {
      initialBackoffMs: options.initialBackoffMs ?? 500,
      maxBackoffMs: options.maxBackoffMs ?? 10_000,
      stableAfterMs: options.stableAfterMs ?? 30_000,
      stopTimeoutMs: options.stopTimeoutMs ?? 15_000,
      log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
    };
    const launched = launchEnvironment(env);
    this.services = SERVICES.filter((service) => !options.without?.includes(service.name)).map((service) => ({
      name: service.name,
      entry: service.entry,
      env: launched,
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
  private spawn(service: Supervised): Promise<void> {
    const child = fork(`${ROOT}/${service.entry}`, [], {
      cwd: ROOT,
      env: service.env,
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
      // A process group of its own: a terminal's Ctrl-C (SIGINT to the whole foreground group)
      // reaches the launcher alone, which then stops the services in order, the gateway first.
      // The service still ends with its launcher, through its IPC channel.
      detached: true,
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

  private scheduleRestart(service: Supervised, how: string): void {
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
