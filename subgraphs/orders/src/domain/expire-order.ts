import { findOrder, transitionOrder } from '../data-access/orders.js';
import { recordOrderCancelled } from '../events/order-events.js';
import type { OrdersDeps } from './orders-deps.js';

/**
 * Cancels an order whose window has passed, if it still awaits payment and no payment holds
 * it. Answers 'early' when the window has not passed yet (a timer that fired a little soon),
 * so the caller retries; a held order is the sweep's to cancel once its hold runs out.
 */
export async function expireOrder(deps: OrdersDeps, orderId: string): Promise<'expired' | 'settled' | 'early'> {
  const now = new Date();
  const expired = await deps.db.transaction().execute(async (trx) => {
    const changed = await transitionOrder(trx, orderId, 'AWAITING_PAYMENT', 'CANCELLED', { expiredBy: now });
    if (changed) await recordOrderCancelled(trx, changed, 'EXPIRED');
    return changed;
  });
  if (expired) {
    deps.relay.wake();
    return 'expired';
  }
  const order = await findOrder(deps.db, orderId);
  return order?.status === 'AWAITING_PAYMENT' && order.expiresAt.getTime() > now.getTime() ? 'early' : 'settled';
}
