import { newContractEvent, recordEvent } from '@stuffmart/common';
import {
  ORDER_CANCELLED,
  ORDER_COMPLETED,
  ORDER_CREATED,
  ORDER_HELD,
  STREAMS,
  type OrderCancelled,
} from '@stuffmart/contract/events';
import type { Kysely } from 'kysely';
import type { OrderRow, OrdersDatabase } from '../data-access/orders-database.js';

/** What orders tells the others; each call belongs in the transaction of the change. */
export function orderCreated(
  order: Pick<
    OrderRow,
    'id' | 'version' | 'stuffId' | 'buyerId' | 'sellerId' | 'priceCents' | 'currency' | 'expiresAt'
  >,
) {
  return newContractEvent(ORDER_CREATED, order.id, order.version, {
    orderId: order.id,
    stuffId: order.stuffId,
    buyerId: order.buyerId,
    sellerId: order.sellerId,
    priceCents: order.priceCents,
    currency: order.currency,
    expiresAt: order.expiresAt.toISOString(),
  });
}

export async function recordOrderCancelled(
  trx: Kysely<OrdersDatabase>,
  order: OrderRow,
  reason: OrderCancelled['reason'],
): Promise<void> {
  const data = { orderId: order.id, stuffId: order.stuffId, buyerId: order.buyerId, reason };
  await recordEvent(trx, STREAMS.orders, newContractEvent(ORDER_CANCELLED, order.id, order.version, data));
}

export async function recordOrderCompleted(
  trx: Kysely<OrdersDatabase>,
  order: OrderRow,
  paymentId: string,
): Promise<void> {
  const data = { orderId: order.id, stuffId: order.stuffId, buyerId: order.buyerId, paymentId };
  await recordEvent(trx, STREAMS.orders, newContractEvent(ORDER_COMPLETED, order.id, order.version, data));
}

/** The answer to payment.started; at the order's current version, which a hold does not change. */
export async function recordOrderHeld(trx: Kysely<OrdersDatabase>, order: OrderRow): Promise<void> {
  if (!order.heldBy || !order.heldUntil) throw new Error(`order ${order.id} is not held`);
  const data = { orderId: order.id, attemptId: order.heldBy, heldUntil: order.heldUntil.toISOString() };
  await recordEvent(trx, STREAMS.orders, newContractEvent(ORDER_HELD, order.id, order.version, data));
}
