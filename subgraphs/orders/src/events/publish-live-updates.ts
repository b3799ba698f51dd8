import type { ContractEvent, ContractEventOf } from '@stuffmart/common';
import { ORDER_CANCELLED, ORDER_COMPLETED, ORDER_CREATED } from '@stuffmart/contract/events';
import type { LiveUpdates } from '../live/live-updates.js';
import type { Kysely } from 'kysely';
import { findActiveOrders, findOrdersByIds } from '../data-access/orders.js';
import type { OrderRow, OrdersDatabase } from '../data-access/orders-database.js';
import { stuffState } from '../domain/availability.js';
import { orderTopic, stuffTopic, type OrderLivePayload, type StuffLivePayload } from './live-topics.js';

type OrderChange = ContractEventOf<typeof ORDER_CREATED | typeof ORDER_CANCELLED | typeof ORDER_COMPLETED>;

function isOrderChange(event: ContractEvent): event is OrderChange {
  return event.type === ORDER_CREATED || event.type === ORDER_CANCELLED || event.type === ORDER_COMPLETED;
}

export function toStuffPayload(stuffId: string, activeOrder: OrderRow | null | undefined): StuffLivePayload {
  const state = stuffState(stuffId, activeOrder);
  return { ...state, reservedUntil: state.reservedUntil?.toISOString() ?? null };
}

export function toOrderPayload(order: OrderRow): OrderLivePayload {
  return {
    orderId: order.id,
    buyerId: order.buyerId,
    stuffId: order.stuffId,
    status: order.status,
    priceCents: order.priceCents,
    currency: order.currency,
    expiresAt: order.expiresAt.toISOString(),
    createdAt: order.createdAt.toISOString(),
  };
}

/**
 * Runs for each batch of order events read back from the orders stream: tells the screens
 * watching those stuffs and orders how things stand now. It publishes the current state read
 * from the database, not the event, so replicas publishing out of order still end on the
 * truth; and only to topics someone watches (one look at Redis for the batch), so a BUY nobody
 * watches costs no read and no publish.
 */
export function publishLiveUpdates(db: Kysely<OrdersDatabase>, live: LiveUpdates) {
  return async (events: ContractEvent[]): Promise<void> => {
    const touched = events.filter(isOrderChange);
    if (touched.length === 0) return;
    const allStuffIds = [...new Set(touched.map((event) => event.data.stuffId))];
    const allOrderIds = [...new Set(touched.map((event) => event.subjectId))];
    const watched = await live.listened([...allStuffIds.map(stuffTopic), ...allOrderIds.map(orderTopic)]);
    const stuffIds = allStuffIds.filter((stuffId) => watched.has(stuffTopic(stuffId)));
    const orderIds = allOrderIds.filter((orderId) => watched.has(orderTopic(orderId)));
    if (stuffIds.length === 0 && orderIds.length === 0) return;
    const [active, orders] = await Promise.all([findActiveOrders(db, stuffIds), findOrdersByIds(db, orderIds)]);
    const activeByStuff = new Map(active.map((order) => [order.stuffId, order]));
    await Promise.all([
      ...stuffIds.map((stuffId) =>
        live.publish(stuffTopic(stuffId), toStuffPayload(stuffId, activeByStuff.get(stuffId))),
      ),
      ...orders.map((order) => live.publish(orderTopic(order.id), toOrderPayload(order))),
    ]);
  };
}
