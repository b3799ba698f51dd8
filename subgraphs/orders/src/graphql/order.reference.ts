import type { OrderRow } from '../data-access/orders-database.js';
import type { OrdersContext } from './orders-context.js';

/**
 * Payments points at orders. Like `order(id)`, an order shows itself only to its buyer; the
 * reference resolves to null for anyone else.
 */
export async function resolveOrderReference(reference: { id: string }, ctx: OrdersContext): Promise<OrderRow | null> {
  const order = await ctx.orders.load(reference.id);
  return order && order.buyerId === ctx.user?.userId ? order : null;
}
