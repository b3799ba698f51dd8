import { ForbiddenError, StuffReservedError, StuffSoldError, type Identity, assertSignedIn } from '@stuffmart/common';
import { findActiveOrders, insertOrder } from '../data-access/orders.js';
import type { OrderRow, StuffCopy } from '../data-access/orders-database.js';
import { recordOrderCreated } from '../events/order-events.js';
import { countBuyOutcome } from '../metrics/orders-metrics.js';
import { assertMayHoldAnother } from './assert-may-hold-another.js';
import { awaitStuffCopy } from './await-stuff-copy.js';
import type { OrdersDeps } from './orders-deps.js';

function assertBuyerIsNotSeller(stuff: StuffCopy, buyer: Identity): void {
  if (stuff.sellerId === buyer.userId) throw new ForbiddenError();
}

/**
 * The order and its event in one transaction, if the buyer may hold another. The partial
 * unique index on active orders decides who wins: a losing insert does nothing, and we tell
 * the loser why.
 */
async function reserve(deps: OrdersDeps, stuff: StuffCopy, buyer: Identity): Promise<OrderRow> {
  const order = await deps.db.transaction().execute(async (trx) => {
    await assertMayHoldAnother(trx, buyer, deps.maxActiveOrdersPerBuyer);
    const created = await insertOrder(trx, {
      stuffId: stuff.id,
      buyerId: buyer.userId,
      sellerId: stuff.sellerId,
      priceCents: stuff.priceCents,
      currency: stuff.currency,
      expiresAt: new Date(Date.now() + deps.reservationWindowSeconds * 1000),
    });
    if (created) await recordOrderCreated(trx, created);
    return created;
  });
  if (!order) {
    const [holder] = await findActiveOrders(deps.db, [stuff.id]);
    throw holder?.status === 'COMPLETE' ? new StuffSoldError() : new StuffReservedError();
  }
  deps.relay.wake();
  return order;
}

/** The BUY button. */
export async function buyStuff(deps: OrdersDeps, user: Identity | null, stuffId: string): Promise<OrderRow> {
  return countBuyOutcome(deps.metrics, async () => {
    const buyer = assertSignedIn(user);
    const stuff = await awaitStuffCopy(deps, stuffId);
    assertBuyerIsNotSeller(stuff, buyer);
    return reserve(deps, stuff, buyer);
  });
}
