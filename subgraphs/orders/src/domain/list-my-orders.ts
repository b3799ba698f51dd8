import { assertSignedIn, isUuid, parsePageArgs, toConnection, type Connection, type Identity } from '@stuffmart/common';
import { findOrdersOfBuyer } from '../data-access/orders.js';
import type { OrderRow } from '../data-access/orders-database.js';
import type { OrdersDeps } from './orders-deps.js';

/** The buyer's orders, newest first; one row more than asked tells whether another page follows. */
export async function listMyOrders(
  deps: OrdersDeps,
  user: Identity | null,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<OrderRow>> {
  const buyer = assertSignedIn(user);
  const page = parsePageArgs(first, after, isUuid);
  const rows = await findOrdersOfBuyer(deps.db, buyer.userId, page.after, page.first + 1);
  return toConnection(rows, page, (order) => ({ createdAt: order.createdAt, key: order.id }));
}
