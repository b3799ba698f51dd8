import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type PrometheusContentType } from 'prom-client';
import {
  createLogger,
  metricsPortFor,
  startMetricsServer,
  type Registry,
  type RunningServer,
} from '@stuffmart/common/runtime';
import type { GatewayConfig } from './config.js';
import { ClusterConnectionLedger } from './connections-per-address.js';
import { MAX_CONNECTIONS_PER_ADDRESS } from './serve-subscriptions.js';

/** A worker that dies is forked again after this pause, doubled for each death in a row (to 10 s). */
const FIRST_RESTART_DELAY_MS = 500;
const MAX_RESTART_DELAY_MS = 10_000;
/** A worker that does not stop this long after SIGTERM is killed. */
const STOP_TIMEOUT_MS = 12_000;

/** The primary's /metrics: every worker's series, summed (prom-client asks each over IPC). */
class ClusterRegistry extends AggregatorRegistry<PrometheusContentType> {
  override metrics(): Promise<string> {
    return this.clusterMetrics();
  }
}

/**
 * GATEWAY_WORKERS > 1: this process forks that many gateway workers, which share GATEWAY_PORT
 * (node:cluster hands each new connection to the next worker), and supervises them: a worker that
 * dies is forked again. It holds what must hold across workers (open WebSockets per client
 * address) and serves the workers' metrics, summed, on METRICS_PORT. Ready once every worker
 * is; stopping stops every worker, each finishing what it holds.
 */
export async function startGatewayWorkers(config: GatewayConfig): Promise<RunningServer> {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const ledger = new ClusterConnectionLedger(MAX_CONNECTIONS_PER_ADDRESS);
  let stopping = false;
  let restartDelay = FIRST_RESTART_DELAY_MS;
  const restartTimers = new Set<NodeJS.Timeout>();

  const fork = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork();
      ledger.serve(worker);
      let ready = false;
      worker.on('message', (message: { type?: string }) => {
        if (message?.type !== 'ready' || ready) return;
        ready = true;
        restartDelay = FIRST_RESTART_DELAY_MS;
        resolve(worker);
      });
      worker.once('exit', (code, signal) => {
        const how = signal ?? `code ${code}`;
        if (!ready) reject(new Error(`a gateway worker exited during start-up (${how})`));
        if (stopping || !ready) return;
        logger.error({ worker: worker.id, exit: how }, `gateway worker exited; forking another in ${restartDelay} ms`);
        const timer = setTimeout(() => {
          restartTimers.delete(timer);
          if (!stopping) fork().catch((error: Error) => logger.error({ err: error.message }, 'gateway worker failed'));
        }, restartDelay);
        restartTimers.add(timer);
        restartDelay = Math.min(restartDelay * 2, MAX_RESTART_DELAY_MS);
      });
    });

  const stopWorkers = async () => {
    stopping = true;
    for (const timer of restartTimers) clearTimeout(timer);
    await Promise.all(
      Object.values(cluster.workers ?? {}).map((worker) => {
        if (!worker || worker.isDead()) return undefined;
        return new Promise<void>((resolve) => {
          const killer = setTimeout(() => worker.process.kill('SIGKILL'), STOP_TIMEOUT_MS);
          worker.once('exit', () => {
            clearTimeout(killer);
            resolve();
          });
          worker.process.kill('SIGTERM');
        });
      }),
    );
  };

  // The first worker answers before its siblings are up and before runMain listens for signals
  // in this process: a stop asked for meanwhile is kept, and asked again once runMain listens.
  let stopAsked: NodeJS.Signals | undefined;
  const askStop = (signal: NodeJS.Signals) => (stopAsked = signal);
  process.on('SIGTERM', askStop).on('SIGINT', askStop);
  let metricsServer: Awaited<ReturnType<typeof startMetricsServer>>;
  try {
    await Promise.all(Array.from({ length: config.GATEWAY_WORKERS }, fork));
    metricsServer = await startMetricsServer(
      new ClusterRegistry(),
      metricsPortFor(config.GATEWAY_PORT, config.METRICS_PORT),
      config.BIND_HOST,
      logger,
    );
  } catch (error) {
    process.off('SIGTERM', askStop).off('SIGINT', askStop);
    await stopWorkers();
    throw error;
  }
  logger.info({ workers: config.GATEWAY_WORKERS, port: config.GATEWAY_PORT }, 'gateway workers ready');
  process.off('SIGTERM', askStop).off('SIGINT', askStop);
  if (stopAsked) {
    const signal = stopAsked;
    setImmediate(() => process.kill(process.pid, signal));
  }
  return {
    url: `http://${config.BIND_HOST}:${config.GATEWAY_PORT}/graphql`,
    port: config.GATEWAY_PORT,
    metricsUrl: metricsServer.url,
    close: async () => {
      await metricsServer.close();
      await stopWorkers();
    },
  };
}

/** In a worker: its registry answers the primary's requests for metrics. */
export function shareMetricsWithPrimary(registry: Registry): void {
  AggregatorRegistry.setRegistries([registry]);
  // prom-client listens for the primary's requests once an AggregatorRegistry exists.
  new AggregatorRegistry<PrometheusContentType>();
}
