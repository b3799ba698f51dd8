import { awaitLocalCopy, isUuid, NotFoundError } from '@stuffmart/common';
import { STREAMS } from '@stuffmart/contract/events';
import { findOrderCopy } from '../data-access/order-copies.js';
import type { OrderCopy } from '../data-access/payments-database.js';
import type { PaymentsDeps } from './payments-deps.js';

/**
 * Payments learns of an order from its event; a payOrder sent sooner waits a moment for it. An
 * order is unknown only once orders' news is known to have arrived without it
 * (SERVICE_UNAVAILABLE while that cannot be known).
 */
export async function awaitOrderCopy(deps: PaymentsDeps, orderId: string): Promise<OrderCopy> {
  if (!isUuid(orderId)) throw new NotFoundError('Order');
  return awaitLocalCopy({
    find: () => findOrderCopy(deps.db, orderId),
    changes: deps.orderNews(orderId),
    news: deps.news,
    publisher: STREAMS.orders,
    thing: 'Order',
    timeoutMs: deps.orderArrivalTimeoutMs,
  });
}
