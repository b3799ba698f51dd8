import {
  newEvent,
  ORDER_CANCELLED,
  ORDER_COMPLETED,
  ORDER_CREATED,
  recordEvent,
  STREAMS,
  type OrderCancelled,
  type OrderCompleted,
  type OrderCreated,
} from '@stuffmart/common';
import type { Kysely } from 'kysely';
import type { OrderRow, OrdersDatabase } from '../data-access/orders-database.js';

/** What orders tells the others; each call belongs in the transaction of the change. */
export async function recordOrderCreated(trx: Kysely<OrdersDatabase>, order: OrderRow): Promise<void> {
  const data: OrderCreated = {
    orderId: order.id,
    stuffId: order.stuffId,
    buyerId: order.buyerId,
    sellerId: order.sellerId,
    priceCents: order.priceCents,
    currency: order.currency,
    expiresAt: order.expiresAt.toISOString(),
  };
  await recordEvent(trx, STREAMS.orders, newEvent(ORDER_CREATED, order.id, order.version, data));
}

export async function recordOrderCancelled(
  trx: Kysely<OrdersDatabase>,
  order: OrderRow,
  reason: OrderCancelled['reason'],
): Promise<void> {
  const data: OrderCancelled = { orderId: order.id, stuffId: order.stuffId, buyerId: order.buyerId, reason };
  await recordEvent(trx, STREAMS.orders, newEvent(ORDER_CANCELLED, order.id, order.version, data));
}

export async function recordOrderCompleted(
  trx: Kysely<OrdersDatabase>,
  order: OrderRow,
  paymentId: string,
): Promise<void> {
  const data: OrderCompleted = { orderId: order.id, stuffId: order.stuffId, buyerId: order.buyerId, paymentId };
  await recordEvent(trx, STREAMS.orders, newEvent(ORDER_COMPLETED, order.id, order.version, data));
}
