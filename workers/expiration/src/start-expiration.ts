import http from 'node:http';
import {
  assertRedisReachable,
  createLogger,
  countBatchOutcomes,
  countHandlerOutcomes,
  createMetricsRegistry,
  eventsHandledCounter,
  Gauge,
  metricsPortFor,
  registerEventBusMetrics,
  startMetricsServer,
  createRedis,
  healthRoute,
  httpRoutes,
  listen,
  readinessRoute,
  traceBatchHandler,
  traceHandler,
  within,
  type RunningServer,
} from '@stuffmart/common/runtime';
import { consumerName, readContractEvent, StreamConsumer } from '@stuffmart/common/events';
import { STREAMS } from '@stuffmart/contract/events';
import type { ExpirationConfig } from './config.js';
import { publishExpirationDue } from './events/publish-expiration-due.js';
import { scheduleFromOrderEvents } from './events/schedule-from-order-events.js';
import { expirationQueue, expirationWorker } from './jobs/expiration-queue.js';

export async function startExpiration(config: ExpirationConfig, port = config.EXPIRATION_PORT): Promise<RunningServer> {
  const logger = createLogger('expiration', config.LOG_LEVEL);
  const redis = createRedis(config.REDIS_URL, config.STUFFMART_NAMESPACE, logger, { keyPrefix: '' });
  try {
    await assertRedisReachable(redis, config.REDIS_URL);
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  // BullMQ blocks on its connections and must never give up a command, hence its own options.
  const bullConnection = { url: config.REDIS_URL, maxRetriesPerRequest: null };
  const queue = expirationQueue(bullConnection, config.STUFFMART_NAMESPACE);
  const worker = expirationWorker(bullConnection, config.STUFFMART_NAMESPACE, async ({ orderId }) => {
    await publishExpirationDue(redis, config.STUFFMART_NAMESPACE, orderId);
  });
  worker.on('failed', (job, error) =>
    logger.warn({ orderId: job?.data.orderId, err: error.message }, 'expiration job failed'),
  );
  queue.on('error', (error) => logger.warn({ err: error.message }, 'queue error'));
  worker.on('error', (error) => logger.warn({ err: error.message }, 'worker error'));

  const metrics = createMetricsRegistry('expiration');
  const consumerConnection = redis.duplicate();
  consumerConnection.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis connection error'));
  const handled = eventsHandledCounter(metrics);
  const timers = scheduleFromOrderEvents(queue);
  const consumer = new StreamConsumer({
    redis: consumerConnection,
    namespace: config.STUFFMART_NAMESPACE,
    stream: STREAMS.orders,
    group: 'expiration',
    consumer: consumerName('expiration', port, config.CONSUMER_NAME),
    read: readContractEvent,
    handle: traceHandler('expiration', STREAMS.orders, countHandlerOutcomes(handled, STREAMS.orders, timers.handle)),
    handleBatch: traceBatchHandler(
      'expiration',
      STREAMS.orders,
      countBatchOutcomes(handled, STREAMS.orders, timers.handleBatch),
    ),
    logger,
  });
  await consumer.start();

  registerEventBusMetrics({
    registry: metrics,
    redis,
    namespace: config.STUFFMART_NAMESPACE,
    publisher: 'expiration',
    logger,
  });
  new Gauge({
    name: 'stuffmart_expiration_jobs',
    help: "Expiration jobs in the queue by state (delayed: waiting for an order's expiresAt)",
    labelNames: ['state'],
    registers: [metrics],
    async collect() {
      // Redis that does not answer leaves the series out; the rest of the scrape stands.
      this.reset();
      const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 2000).unref());
      const counts = await Promise.race([queue.getJobCounts('delayed', 'waiting', 'active', 'failed'), timeout]).catch(
        () => undefined,
      );
      for (const [state, count] of Object.entries(counts ?? {})) this.set({ state }, count);
    },
  });

  const httpServer = http.createServer();
  httpServer.on(
    'request',
    httpRoutes({ '/healthz': healthRoute, '/readyz': readinessRoute({ redis: () => redis.ping() }, logger) }, logger),
  );
  const boundPort = await listen(httpServer, port, config.BIND_HOST);
  logger.info({ port: boundPort }, 'expiration worker ready');
  const metricsServer = await startMetricsServer(
    metrics,
    metricsPortFor(port, config.METRICS_PORT),
    config.BIND_HOST,
    logger,
  );
  return {
    url: `http://${config.BIND_HOST}:${boundPort}/healthz`,
    port: boundPort,
    metricsUrl: metricsServer.url,
    close: async () => {
      await metricsServer.close();
      await consumer.stop();
      // Finishes the jobs in hand (delayed jobs stay in Redis for the next worker), unless Redis
      // is gone: then there is nothing to hand back and waiting would never end.
      // BullMQ's close waits on Redis, even when forced; a Redis that is gone would hold us forever.
      if (!(await within(5000, worker.close()))) {
        logger.warn('Redis unreachable: the expiration worker stops without handing back its jobs');
        void worker.close(true).catch(() => undefined);
      }
      await within(2000, queue.close());
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      consumerConnection.disconnect();
      redis.disconnect();
    },
  };
}
