import {
  isGroupReading,
  noticeTopic,
  openSubgraphRuntime,
  transactionalHandlers,
  type RunningServer,
} from '@stuffmart/common';
import { ORDER_CANCELLED, STREAMS } from '@stuffmart/contract/events';
import DataLoader from 'dataloader';
import type { PaymentsConfig } from './config.js';
import { paymentsMigrations } from './data-access/migrations/index.js';
import { ORDER_NEWS_CHANNEL } from './data-access/order-copies.js';
import { findSuccessfulPaymentsOfBuyer } from './data-access/payments.js';
import type { PaymentsDatabase } from './data-access/payments-database.js';
import { paymentAnswer, type PaymentAnswer } from './domain/payment-answer.js';
import type { PaymentsDeps } from './domain/payments-deps.js';
import { applyNewOrders, applyOrderEvent } from './events/apply-order-event.js';
import { hearingOrdersWord } from './events/hear-orders-word.js';
import { OrdersWord } from './domain/orders-word.js';
import { buildPaymentsSchema } from './graphql/build-payments-schema.js';
import type { PaymentsContext } from './graphql/payments-context.js';
import { stripeWebhookRoute } from './graphql/stripe-webhook-route.js';
import { StripeGateway } from './provider/stripe-gateway.js';
import { RefundWorker } from './domain/refund-worker.js';

export async function startPayments(config: PaymentsConfig, port = config.PAYMENTS_PORT): Promise<RunningServer> {
  const runtime = await openSubgraphRuntime<PaymentsDatabase>({
    name: 'payments',
    config,
    migrations: paymentsMigrations,
    port,
  });
  const { database, logger } = runtime;
  const stripe = config.STRIPE_SECRET_KEY
    ? new StripeGateway(config.STRIPE_SECRET_KEY, config.STRIPE_API_URL, config.STRIPE_WEBHOOK_SECRET)
    : null;
  const refunds = new RefundWorker({ db: database.db, stripe }, logger);
  await runtime.listen(ORDER_NEWS_CHANNEL);
  const ordersWord = new OrdersWord();
  const deps: PaymentsDeps = {
    db: database.db,
    relay: runtime.relay,
    redis: runtime.redis,
    stripe,
    refunds,
    orderArrivalTimeoutMs: 2000,
    orderNews: (orderId) => runtime.notifications.on(noticeTopic(ORDER_NEWS_CHANNEL, orderId)),
    news: runtime.news,
    // Each service reads in a consumer group named after itself.
    ordersReading: () => isGroupReading(runtime.busRedis, config.STUFFMART_NAMESPACE, STREAMS.payments, STREAMS.orders),
    ordersWord,
    logger,
  };
  runtime.consume(
    STREAMS.orders,
    // Only a cancellation can queue a refund (of a payment that came too late): the refund
    // worker is not woken for the order.created of every BUY.
    hearingOrdersWord(
      transactionalHandlers(database.db, STREAMS.orders, applyOrderEvent(), {
        applyAtOnce: applyNewOrders,
        afterCommit: (event) => {
          if (event.type === ORDER_CANCELLED) refunds.wake();
        },
      }),
      ordersWord,
      (orderId) => runtime.notifications.notify(noticeTopic(ORDER_NEWS_CHANNEL, orderId)),
    ),
  );
  await runtime.startConsumers();
  refunds.start();

  return runtime.serve<PaymentsContext>({
    schema: await buildPaymentsSchema(),
    port,
    host: config.BIND_HOST,
    routes: { '/webhooks/stripe': stripeWebhookRoute(deps, logger) },
    extendContext: (base) => ({
      ...base,
      deps,
      paymentsByOrder: new DataLoader<string, PaymentAnswer | null>(async (orderIds) => {
        if (!base.user) return orderIds.map(() => null);
        const payments = await findSuccessfulPaymentsOfBuyer(database.db, orderIds, base.user.userId);
        const byOrder = new Map(
          payments.map(({ orderStatus, ...payment }) => [payment.orderId, paymentAnswer(payment, orderStatus)]),
        );
        return orderIds.map((id) => byOrder.get(id) ?? null);
      }),
    }),
    alsoClose: () => refunds.stop(),
  });
}
