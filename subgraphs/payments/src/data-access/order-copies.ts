import type { OrderCreated } from '@stuffmart/contract/events';
import { isUuid } from '@stuffmart/common';
import type { Kysely } from 'kysely';
import type { OrderCopy, OrderCopyStatus, PaymentsDatabase } from './payments-database.js';

/**
 * The channel on which the database announces, with the order's id, each committed change to
 * an order's copy or its payment attempts (migration 0006).
 */
export const ORDER_NEWS_CHANNEL = 'order_news';

export async function findOrderCopy(db: Kysely<PaymentsDatabase>, id: string): Promise<OrderCopy | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('orderCopies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the copy: payment and cancellation of one order take turns. */
export async function lockOrderCopy(db: Kysely<PaymentsDatabase>, id: string): Promise<OrderCopy | undefined> {
  return db.selectFrom('orderCopies').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Copies of new orders, in one statement; an order copied already is left as it is. */
export async function insertOrderCopies(db: Kysely<PaymentsDatabase>, orders: OrderCreated[]): Promise<void> {
  if (orders.length === 0) return;
  await db
    .insertInto('orderCopies')
    .values(
      orders.map((order) => ({
        id: order.orderId,
        buyerId: order.buyerId,
        stuffId: order.stuffId,
        priceCents: order.priceCents,
        currency: order.currency,
        status: 'AWAITING_PAYMENT' as const,
        expiresAt: new Date(order.expiresAt),
        version: 0,
      })),
    )
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}

export async function setOrderCopyStatus(
  db: Kysely<PaymentsDatabase>,
  id: string,
  status: OrderCopyStatus,
  version: number,
): Promise<void> {
  await db.updateTable('orderCopies').set({ status, version }).where('id', '=', id).execute();
}

/** orders holds the order for this attempt until `heldUntil`; only an order still awaiting payment. */
export async function setOrderCopyHold(
  db: Kysely<PaymentsDatabase>,
  id: string,
  attemptId: string,
  heldUntil: Date,
): Promise<void> {
  await db
    .updateTable('orderCopies')
    .set({ heldBy: attemptId, heldUntil })
    .where('id', '=', id)
    .where('status', '=', 'AWAITING_PAYMENT')
    .execute();
}
