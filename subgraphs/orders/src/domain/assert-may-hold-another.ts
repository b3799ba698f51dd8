import { TooManyReservationsError, type Identity } from '@stuffmart/common';
import type { Kysely } from 'kysely';
import { countHeldOrders, lockBuyer } from '../data-access/orders.js';
import type { OrdersDatabase } from '../data-access/orders-database.js';

/**
 * One buyer may hold at most `max` orders awaiting payment, or a single client could reserve
 * the whole catalogue and keep it from everyone. Runs inside the BUY's transaction and holds
 * the buyer's lock until it commits, so the count cannot be passed by BUYs sent at once.
 */
export async function assertMayHoldAnother(trx: Kysely<OrdersDatabase>, buyer: Identity, max: number): Promise<void> {
  await lockBuyer(trx, buyer.userId);
  if ((await countHeldOrders(trx, buyer.userId, new Date())) >= max) throw new TooManyReservationsError();
}
