import { cancelOverdueOrders } from '../data-access/orders.js';
import { recordOrderCancelled } from '../events/order-events.js';
import type { OrdersDeps } from './orders-deps.js';

/**
 * The database is the authority on expiry: whatever the timers missed (Redis restarted, a
 * job lost) is cancelled here. Replicas may sweep at once; each order is cancelled once.
 */
export async function sweepOverdueOrders(deps: OrdersDeps): Promise<number> {
  const cancelled = await deps.db.transaction().execute(async (trx) => {
    const orders = await cancelOverdueOrders(trx, new Date());
    for (const order of orders) await recordOrderCancelled(trx, order, 'EXPIRED');
    return orders;
  });
  if (cancelled.length > 0) deps.relay.wake();
  return cancelled.length;
}
