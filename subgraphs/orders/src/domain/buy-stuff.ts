import { randomUUID } from 'node:crypto';
import {
  assertSignedIn,
  ForbiddenError,
  recordEventFrom,
  StuffReservedError,
  StuffSoldError,
  TooManyReservationsError,
  type Identity,
} from '@stuffmart/common';
import { STREAMS } from '@stuffmart/contract/events';
import type { Kysely } from 'kysely';
import {
  countHeldOrders,
  findActiveOrders,
  inBuyerTransaction,
  insertOrderUnlessRefused,
} from '../data-access/orders.js';
import type { OrderRow, OrdersDatabase, OrderStatus } from '../data-access/orders-database.js';
import type { StuffOnSale } from '../data-access/stuff-copies.js';
import { orderCreated } from '../events/order-events.js';
import { countBuyOutcome } from '../metrics/orders-metrics.js';
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
 * The order and its event in one transaction, if the buyer may hold another: under the
 * buyer's lock, one statement inserts both (BEGIN with the lock, the insert, COMMIT: three
 * round trips, which every BUY pays).
 * The partial unique index on active orders decides who wins; a refused insert does nothing,
 * and we tell the loser why.
 */
async function reserve(deps: OrdersDeps, stuff: StuffOnSale, buyer: Identity): Promise<OrderRow> {
  const order = {
    id: randomUUID(),
    version: 0,
    stuffId: stuff.id,
    buyerId: buyer.userId,
    sellerId: stuff.sellerId,
    priceCents: stuff.priceCents,
    currency: stuff.currency,
    expiresAt: new Date(Date.now() + deps.reservationWindowSeconds * 1000),
  };
  const news = recordEventFrom('created', STREAMS.orders, orderCreated(order));
  const created = await inBuyerTransaction(deps.db, buyer.userId, async (trx) => {
    const now = new Date();
    const inserted = await insertOrderUnlessRefused(trx, order, deps.maxActiveOrdersPerBuyer, now, news);
    if (!inserted) await explainRefusal(trx, stuff, buyer, deps.maxActiveOrdersPerBuyer, now);
    return inserted;
  });
  if (!created) throw new Error(`the BUY of ${stuff.id} was refused without a reason`);
  deps.relay.wake();
  return created;
}

/**
 * Why the insert was refused, in the order the rules are told: too many reservations first,
 * then the stuff taken between our first look and our insert (by whom, and how far, decides
 * what we say). Still under the buyer's lock, so the count is the one the insert saw or later.
 */
async function explainRefusal(
  trx: Kysely<OrdersDatabase>,
  stuff: StuffOnSale,
  buyer: Identity,
  max: number,
  now: Date,
): Promise<never> {
  if ((await countHeldOrders(trx, buyer.userId, now)) >= max) throw new TooManyReservationsError();
  const [holder] = await findActiveOrders(trx, [stuff.id]);
  throw holder?.status === 'COMPLETE' ? new StuffSoldError() : new StuffReservedError();
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
