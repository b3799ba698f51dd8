import type { Migration } from 'kysely';
import type { Logger } from 'pino';
import type { BaseConfig, DatabaseConfig, VoucherKeysConfig } from '../config/base-config.js';
import { voucherKeyOf } from '../auth/internal-identity.js';
import { openDatabase, type Database } from '../db/open-database.js';
import { readContractEvent, type ContractEvent } from '../events/contract-events.js';
import type { DomainEvent } from '../events/domain-event.js';
import { consumerName } from '../events/consumer-name.js';
import { OutboxRelay } from '../events/outbox-relay.js';
import { StreamConsumer, type EventHandlers, type EventReader } from '../events/stream-consumer.js';
import { NewsCheck, outboxClearKey } from '../events/news-check.js';
import { Notifications } from '../wait/notifications.js';
import { PostgresNotices } from '../wait/postgres-notices.js';
import { RedisNotices } from '../wait/redis-notices.js';
import { createLogger } from '../logging/logger.js';
import { assertRedisReachable, createRedis, type Redis } from '../redis/create-redis.js';
import type { SubgraphContext } from './subgraph-context.js';
import type { Registry } from 'prom-client';
import { startSubgraphServer, type RunningServer, type SubgraphServerOptions } from './start-subgraph-server.js';
import { registerDatabaseMetrics } from './metrics/database-metrics.js';
import {
  countBatchOutcomes,
  countHandlerOutcomes,
  eventsHandledCounter,
  registerEventBusMetrics,
} from './metrics/event-bus-metrics.js';
import { metricsPortFor, startMetricsServer, type MetricsServer } from './metrics/metrics-server.js';
import { createMetricsRegistry } from './metrics/service-metrics.js';
import { traceBatchHandler, traceHandler } from '../telemetry/trace-events.js';

export interface SubgraphRuntime<DB> {
  name: string;
  logger: Logger;
  /** For the service's own keys: prefixed with the namespace. */
  redis: Redis;
  /** For event streams and live channels: no prefix, the keys name the namespace themselves. */
  busRedis: Redis;
  database: Database<DB>;
  relay: OutboxRelay;
  /** This replica's name in its consumer groups. */
  consumerName: string;
  /** The service's Prometheus metrics; a subgraph adds its own (BUY outcomes, reservations held). */
  metrics: Registry;
  /**
   * What this process hears, for requests that wait by notification (`waitFor`): NOTIFY on the
   * channels of its own database it `listen`s to, and the relays of the streams it consumes.
   */
  notifications: Notifications;
  /** Hears NOTIFY on `channel` of the service's database, as topics `noticeTopic(channel, payload)`. */
  listen(channel: string): Promise<void>;
  /** Whether the news of a publisher this service consumes has all arrived (see NewsCheck). */
  news: NewsCheck;
  /**
   * Reads a publisher's stream in this service's consumer group; started by `startConsumers`.
   * The handler sees contract events with their payloads parsed (a payload that does not parse
   * is dead-lettered unhandled), unless another `read` is given. Given handlers with a
   * `handleBatch` (`transactionalHandlers`), runs of new entries are handled in one call.
   */
  consume(stream: string, handlers: Handlers<ContractEvent>): StreamConsumer<ContractEvent>;
  consume<E extends DomainEvent>(stream: string, handlers: Handlers<E>, read: EventReader<E>): StreamConsumer<E>;
  startConsumers(): Promise<void>;
  /**
   * Serves the subgraph with what every subgraph shares (identity, health, readiness of its
   * database and Redis, metrics, graceful drain); closing the server closes the runtime too,
   * after `alsoClose` (the subgraph's own timers and connections).
   */
  serve<C extends SubgraphContext>(options: ServeOptions<C>): Promise<RunningServer>;
  /** Stops consumers and the relay (handing back what they hold), then closes connections. */
  close(): Promise<void>;
}

/** One event at a time, or both ways (see `EventHandlers`). */
type Handlers<E extends DomainEvent> = EventHandlers<E> | EventHandlers<E>['handle'];

export type ServeOptions<C extends SubgraphContext> = Pick<
  SubgraphServerOptions<C>,
  'schema' | 'port' | 'host' | 'extendContext' | 'subscriptions' | 'routes'
> & { alsoClose?: () => Promise<void> };

export interface RuntimeOptions {
  name: string;
  config: BaseConfig & DatabaseConfig & VoucherKeysConfig;
  migrations: Record<string, Migration>;
  /** The port this replica serves on: with the host, its identity in consumer groups. */
  port?: number;
}

/** What every subgraph with a database and events opens at start, in one place. */
export async function openSubgraphRuntime<DB>(options: RuntimeOptions): Promise<SubgraphRuntime<DB>> {
  const { config, name } = options;
  const logger = createLogger(name, config.LOG_LEVEL);
  const redis = createRedis(config.REDIS_URL, config.STUFFMART_NAMESPACE, logger);
  const busRedis = createRedis(config.REDIS_URL, config.STUFFMART_NAMESPACE, logger, { keyPrefix: '' });
  const disconnect = () => {
    redis.disconnect();
    busRedis.disconnect();
  };
  try {
    await assertRedisReachable(redis, config.REDIS_URL);
  } catch (error) {
    disconnect();
    throw error;
  }
  let database: Database<DB>;
  try {
    database = await openDatabase<DB>({
      serverUrl: config.DATABASE_URL,
      adminUrl: config.DATABASE_ADMIN_URL,
      namespace: config.STUFFMART_NAMESPACE,
      subgraph: name,
      migrations: options.migrations,
      poolSize: config.DATABASE_POOL_SIZE,
      logger,
    });
  } catch (error) {
    disconnect();
    throw new Error(`PostgreSQL could not be reached or migrated: ${(error as Error).message}`);
  }
  const relay = new OutboxRelay({
    pool: database.pool,
    redis: busRedis,
    namespace: config.STUFFMART_NAMESPACE,
    logger,
    publisher: name,
  });
  relay.start();
  const metrics = createMetricsRegistry(name);
  registerDatabaseMetrics(metrics, database as Database<unknown>);
  registerEventBusMetrics({
    registry: metrics,
    redis: busRedis,
    namespace: config.STUFFMART_NAMESPACE,
    publisher: name,
    pool: database.pool,
    logger,
  });
  const handled = eventsHandledCounter(metrics);
  const consumers: Array<{
    consumer: { start(): Promise<void>; stop(): Promise<void> };
    connection: Redis;
    stream: string;
  }> = [];
  const consumer = consumerName(name, options.port ?? 0, config.CONSUMER_NAME);
  const notifications = new Notifications();
  const databaseNotices = new PostgresNotices(database.pool.options, notifications, logger);
  const relaySubscriber = busRedis.duplicate();
  relaySubscriber.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis connection error'));
  const relayNotices = new RedisNotices(relaySubscriber, notifications);

  const close = async () => {
    await Promise.all(consumers.map(({ consumer }) => consumer.stop()));
    await relay.stop();
    await databaseNotices.close();
    relayNotices.close();
    for (const { connection } of consumers) connection.disconnect();
    await database.close();
    disconnect();
  };

  return {
    name,
    logger,
    redis,
    busRedis,
    database,
    relay,
    consumerName: consumer,
    metrics,
    notifications,
    listen: (channel) => databaseNotices.listen(channel),
    news: new NewsCheck(busRedis, config.STUFFMART_NAMESPACE, name, notifications),
    consume: <E extends DomainEvent>(
      stream: string,
      handlers: Handlers<E>,
      read: EventReader<E> = readContractEvent as EventReader<E>,
    ) => {
      const { handle, handleBatch } = typeof handlers === 'function' ? { handle: handlers } : handlers;
      const connection = busRedis.duplicate();
      connection.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis connection error'));
      const streamConsumer = new StreamConsumer<E>({
        redis: connection,
        namespace: config.STUFFMART_NAMESPACE,
        stream,
        group: name,
        consumer,
        read,
        handle: traceHandler(name, stream, countHandlerOutcomes(handled, stream, handle)),
        handleBatch: handleBatch && traceBatchHandler(name, stream, countBatchOutcomes(handled, stream, handleBatch)),
        logger,
      });
      consumers.push({ consumer: streamConsumer, connection, stream });
      return streamConsumer;
    },
    startConsumers: async () => {
      for (const { consumer, stream } of consumers) {
        // Heard before reading: a request may wait on this publisher's news from now on.
        await relayNotices.listen(outboxClearKey(config.STUFFMART_NAMESPACE, stream));
        await consumer.start();
      }
    },
    serve: async ({ alsoClose, ...serverOptions }) => {
      let server: RunningServer;
      let metricsServer: MetricsServer | undefined;
      try {
        server = await startSubgraphServer({
          ...serverOptions,
          name,
          voucherKey: voucherKeyOf(config),
          logger,
          shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
          metrics,
          readiness: { postgres: database.ping, redis: () => redis.ping() },
        });
        metricsServer = await startMetricsServer(
          metrics,
          metricsPortFor(serverOptions.port, config.METRICS_PORT),
          serverOptions.host ?? '127.0.0.1',
          logger,
        ).catch(async (error: unknown) => {
          await server.close();
          throw error;
        });
      } catch (error) {
        await alsoClose?.();
        await close();
        throw error;
      }
      return {
        ...server,
        metricsUrl: metricsServer.url,
        close: async () => {
          await server.close();
          await metricsServer?.close();
          await alsoClose?.();
          await close();
        },
      };
    },
    close,
  };
}
