import {
  batchHandlers,
  noticeTopic,
  openSubgraphRuntime,
  transactionalHandlers,
  type RunningServer,
} from '@stuffmart/common';
import {
  PAYMENT_FAILED,
  PAYMENT_STARTED,
  PAYMENT_SUCCEEDED,
  STREAMS,
  STUFF_CREATED,
  STUFF_UPDATED,
} from '@stuffmart/contract/events';
import DataLoader from 'dataloader';
import type { OrdersConfig } from './config.js';
import { findActiveOrders, findOrdersByIds } from './data-access/orders.js';
import { STUFF_NEWS_CHANNEL } from './data-access/stuff-copies.js';
import type { OrderRow, OrdersDatabase } from './data-access/orders-database.js';
import { ordersMigrations } from './data-access/migrations/index.js';
import type { OrdersDeps } from './domain/orders-deps.js';
import { sweepOverdueOrders } from './domain/sweep-overdue-orders.js';
import { expirationDueHandlers } from './events/apply-expiration-due.js';
import { applyPaymentFailed, applyPaymentStarted } from './events/apply-payment-hold.js';
import { applyPaymentSucceeded } from './events/apply-payment-succeeded.js';
import { applyStuffSnapshot } from './events/apply-stuff-snapshot.js';
import { publishLiveUpdates } from './events/publish-live-updates.js';
import { LiveUpdates } from './live/live-updates.js';
import { buildOrdersSchema } from './graphql/build-orders-schema.js';
import { createOrdersMetrics } from './metrics/orders-metrics.js';
import type { OrdersContext } from './graphql/orders-context.js';

function byKey<K extends keyof OrderRow>(rows: OrderRow[], key: K, ids: readonly string[]): Array<OrderRow | null> {
  const map = new Map(rows.map((row) => [String(row[key]), row]));
  return ids.map((id) => map.get(id) ?? null);
}

export async function startOrders(config: OrdersConfig, port = config.ORDERS_PORT): Promise<RunningServer> {
  const runtime = await openSubgraphRuntime<OrdersDatabase>({
    name: 'orders',
    config,
    migrations: ordersMigrations,
    port,
  });
  const { database, busRedis, logger } = runtime;
  const subscriber = busRedis.duplicate();
  subscriber.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis connection error'));
  const live = new LiveUpdates(busRedis, subscriber, config.STUFFMART_NAMESPACE, logger);
  const publishLive = publishLiveUpdates(database.db, live);

  await runtime.listen(STUFF_NEWS_CHANNEL);
  const deps: OrdersDeps = {
    db: database.db,
    relay: runtime.relay,
    live,
    reservationWindowSeconds: config.RESERVATION_WINDOW_SECONDS,
    maxActiveOrdersPerBuyer: config.MAX_ACTIVE_ORDERS_PER_BUYER,
    stuffArrivalTimeoutMs: 2000,
    stuffNews: (stuffId) => runtime.notifications.on(noticeTopic(STUFF_NEWS_CHANNEL, stuffId)),
    news: runtime.news,
    metrics: createOrdersMetrics(runtime.metrics, database.pool),
  };

  // Orders reads its own stream to tell the screens: at least once, so a process that dies
  // between commit and telling still has its news told (by itself on restart, or a peer).
  // One look at who watches and one read of the current state for a whole run of events.
  runtime.consume(
    STREAMS.orders,
    batchHandlers(async (events) => {
      await publishLive(events);
      return events.map(() => 'done' as const);
    }),
  );
  runtime.consume(
    STREAMS.catalog,
    transactionalHandlers(
      database.db,
      STREAMS.catalog,
      async (event, trx) =>
        event.type === STUFF_CREATED || event.type === STUFF_UPDATED ? applyStuffSnapshot(event, trx) : 'done',
      { types: [STUFF_CREATED, STUFF_UPDATED] },
    ),
  );
  const holdPayment = applyPaymentStarted(config.PAYMENT_HOLD_SECONDS);
  runtime.consume(
    STREAMS.payments,
    transactionalHandlers(
      database.db,
      STREAMS.payments,
      async (event, trx) => {
        if (event.type === PAYMENT_STARTED) return holdPayment(event, trx);
        if (event.type === PAYMENT_SUCCEEDED) return applyPaymentSucceeded(event, trx);
        if (event.type === PAYMENT_FAILED) return applyPaymentFailed(event, trx);
        return 'done';
      },
      {
        types: [PAYMENT_STARTED, PAYMENT_SUCCEEDED, PAYMENT_FAILED],
        // the hold's or the completion's own event was recorded in that transaction: send it on now
        afterCommit: () => runtime.relay.wake(),
      },
    ),
  );
  runtime.consume(STREAMS.expiration, expirationDueHandlers(deps));
  await runtime.startConsumers();

  const sweep = setInterval(() => {
    sweepOverdueOrders(deps).then(
      (cancelled) => deps.metrics.expiries.inc({ by: 'sweep' }, cancelled),
      (error: unknown) => logger.warn({ err: error }, 'expiry sweep failed'),
    );
  }, config.EXPIRY_SWEEP_INTERVAL_MS);

  return runtime.serve<OrdersContext>({
    schema: await buildOrdersSchema(),
    port,
    host: config.BIND_HOST,
    subscriptions: true,
    extendContext: (base) => ({
      ...base,
      deps,
      orders: new DataLoader(async (ids) => byKey(await findOrdersByIds(database.db, ids), 'id', ids)),
      activeOrders: new DataLoader(async (stuffIds) =>
        byKey(await findActiveOrders(database.db, stuffIds), 'stuffId', stuffIds),
      ),
    }),
    alsoClose: async () => {
      clearInterval(sweep);
      subscriber.disconnect();
    },
  });
}
