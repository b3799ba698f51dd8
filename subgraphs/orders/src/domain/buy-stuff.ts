import { ForbiddenError, StuffReservedError, StuffSoldError, type Identity, assertSignedIn } from '@stuffmart/common';
import { findActiveOrders, insertOrder } from '../data-access/orders.js';
import type { OrderRow, OrderStatus } from '../data-access/orders-database.js';
import type { StuffOnSale } from '../data-access/stuff-copies.js';
import { recordOrderCreated } from '../events/order-events.js';
import { countBuyOutcome } from '../metrics/orders-metrics.js';
import { assertMayHoldAnother } from './assert-may-hold-another.js';
import { awaitStuffCopy } from './await-stuff-copy.js';
import type { OrdersDeps } from './orders-deps.js';

function assertBuyerIsNotSeller(stuff: StuffOnSale, buyer: Identity): void {
  if (stuff.sellerId === buyer.userId) throw new ForbiddenError();
}

/** Another order holds or owns the stuff: the buyer is told why. */
function assertNotTaken(holderStatus: OrderStatus | null | undefined): void {
  if (holderStatus === 'COMPLETE') throw new StuffSoldError();
  if (holderStatus === 'AWAITING_PAYMENT') throw new StuffReservedError();
}

/**
 * The order and its event in one transaction, if the buyer may hold another. The partial
 * unique index on active orders decides who wins: a losing insert does nothing, and we tell
 * the loser why.
 */
async function reserve(deps: OrdersDeps, stuff: StuffOnSale, buyer: Identity): Promise<OrderRow> {
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
    // Taken between our first look and our insert: by whom, and how far, decides what we say.
    const [holder] = await findActiveOrders(deps.db, [stuff.id]);
    throw holder?.status === 'COMPLETE' ? new StuffSoldError() : new StuffReservedError();
  }
  deps.relay.wake();
  return order;
}

/**
 * The BUY button. A stuff already taken is refused on the first look, without a transaction:
 * of many buyers pressing at once, those who come after the winner's commit cost one statement.
 */
export async function buyStuff(deps: OrdersDeps, user: Identity | null, stuffId: string): Promise<OrderRow> {
  return countBuyOutcome(deps.metrics, async () => {
    const buyer = assertSignedIn(user);
    const stuff = await awaitStuffCopy(deps, stuffId);
    assertBuyerIsNotSeller(stuff, buyer);
    assertNotTaken(stuff.holderStatus);
    return reserve(deps, stuff, buyer);
  });
}
