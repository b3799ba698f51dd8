import type { Kysely } from 'kysely';
import type { CatalogDatabase, OrderStatus, StuffOrderRow } from './catalog-database.js';

export async function lockStuffOrder(
  trx: Kysely<CatalogDatabase>,
  orderId: string,
): Promise<StuffOrderRow | undefined> {
  return trx.selectFrom('stuffOrders').selectAll().where('orderId', '=', orderId).forUpdate().executeTakeFirst();
}

export async function saveStuffOrder(trx: Kysely<CatalogDatabase>, order: StuffOrderRow): Promise<void> {
  await trx
    .insertInto('stuffOrders')
    .values(order)
    .onConflict((oc) => oc.column('orderId').doUpdateSet({ status: order.status, version: order.version }))
    .execute();
}

export async function findOrderStatusesOfStuff(trx: Kysely<CatalogDatabase>, stuffId: string): Promise<OrderStatus[]> {
  const rows = await trx.selectFrom('stuffOrders').select('status').where('stuffId', '=', stuffId).execute();
  return rows.map((row) => row.status);
}
