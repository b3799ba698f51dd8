import type { Kysely } from 'kysely';
import { transitionOrder } from '../data-access/orders.js';
import type { OrdersDatabase } from '../data-access/orders-database.js';
import { recordOrderCompleted } from '../events/order-events.js';

/**
 * A payment succeeded: the order completes and the stuff is sold for good. An order already
 * cancelled (it expired while the payment was under way) stays cancelled; payments sees the
 * cancellation and refunds.
 */
export async function completeOrder(trx: Kysely<OrdersDatabase>, orderId: string, paymentId: string): Promise<boolean> {
  const completed = await transitionOrder(trx, orderId, 'AWAITING_PAYMENT', 'COMPLETE');
  if (completed) await recordOrderCompleted(trx, completed, paymentId);
  return completed !== undefined;
}
