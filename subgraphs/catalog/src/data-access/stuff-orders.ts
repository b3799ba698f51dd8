import { sql, type Kysely } from 'kysely';
import type { CatalogDatabase, OrderStatus, StuffOrderRow } from './catalog-database.js';

export async function lockStuffOrder(
  trx: Kysely<CatalogDatabase>,
  orderId: string,
): Promise<StuffOrderRow | undefined> {
  return trx.selectFrom('stuffOrders').selectAll().where('orderId', '=', orderId).forUpdate().executeTakeFirst();
}

/**
 * Saves the order's status and returns the statuses of all its stuff's orders, this one's new
 * status among them, in one statement (every BUY's event runs it). The statement sees the table
 * as it was before the insert, so the saved row is read from the insert and the others beside it.
 */
export async function saveStuffOrder(trx: Kysely<CatalogDatabase>, order: StuffOrderRow): Promise<OrderStatus[]> {
  const { rows } = await sql<{ status: OrderStatus }>`
    WITH saved AS (
      INSERT INTO stuff_orders (order_id, stuff_id, status, version)
      VALUES (${order.orderId}, ${order.stuffId}, ${order.status}, ${order.version})
      ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version
      RETURNING status
    )
    SELECT status FROM saved
    UNION ALL
    SELECT status FROM stuff_orders WHERE stuff_id = ${order.stuffId} AND order_id <> ${order.orderId}`.execute(trx);
  return rows.map((row) => row.status);
}

/** Saves orders new to catalog (their first version) in one statement; one known already stays as it is. */
export async function insertNewStuffOrders(
  trx: Kysely<CatalogDatabase>,
  orders: readonly StuffOrderRow[],
): Promise<void> {
  if (orders.length === 0) return;
  await trx
    .insertInto('stuffOrders')
    .values([...orders])
    .onConflict((conflict) => conflict.column('orderId').doNothing())
    .execute();
}

/** The statuses of every order of each of these stuffs, in one statement. */
export async function orderStatusesOfStuffs(
  trx: Kysely<CatalogDatabase>,
  stuffIds: readonly string[],
): Promise<Map<string, OrderStatus[]>> {
  const statuses = new Map<string, OrderStatus[]>(stuffIds.map((id) => [id, []]));
  if (stuffIds.length === 0) return statuses;
  const rows = await trx
    .selectFrom('stuffOrders')
    .select(['stuffId', 'status'])
    .where('stuffId', 'in', [...stuffIds])
    .execute();
  for (const row of rows) statuses.get(row.stuffId)?.push(row.status);
  return statuses;
}
