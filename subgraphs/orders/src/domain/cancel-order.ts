import { ForbiddenError, NotFoundError, OrderNotPayableError, type Identity, assertSignedIn } from '@stuffmart/common';
import { findOrder, transitionOrder } from '../data-access/orders.js';
import type { OrderRow } from '../data-access/orders-database.js';
import { recordOrderCancelled } from '../events/order-events.js';
import { expireOrder } from './expire-order.js';
import type { OrdersDeps } from './orders-deps.js';

/** The buyer lets go of a reservation; the stuff is available again at once. */
export async function cancelOrder(deps: OrdersDeps, user: Identity | null, orderId: string): Promise<OrderRow> {
  const buyer = assertSignedIn(user);
  const order = await findOrder(deps.db, orderId);
  if (!order) throw new NotFoundError('Order');
  if (order.buyerId !== buyer.userId) throw new ForbiddenError();
  if (order.status === 'AWAITING_PAYMENT' && order.expiresAt.getTime() <= Date.now()) {
    // Its window has passed; the sweep would cancel it any moment. Do it now, as an expiry;
    // unless a payment under way holds it: then the buyer's word cancels it (and the charge
    // is given back), as before its window ran out.
    if ((await expireOrder(deps, order.id)) === 'expired') throw new OrderNotPayableError('CANCELLED');
  }
  const cancelled = await deps.db.transaction().execute(async (trx) => {
    const changed = await transitionOrder(trx, order.id, 'AWAITING_PAYMENT', 'CANCELLED');
    if (changed) await recordOrderCancelled(trx, changed, 'BUYER');
    return changed;
  });
  if (!cancelled) throw new OrderNotPayableError((await findOrder(deps.db, orderId))?.status ?? order.status);
  deps.relay.wake();
  return cancelled;
}
