import { isUuid, type Position } from '@stuffmart/common';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { OrderRow, OrdersDatabase, OrderStatus } from './orders-database.js';

export interface NewOrder {
  stuffId: string;
  buyerId: string;
  sellerId: string;
  priceCents: number;
  currency: string;
  expiresAt: Date;
}

/**
 * The BUY's write, in one statement: the order, unless its buyer already holds `maxHeld`
 * orders awaiting payment or another order holds or owns the stuff, and `news` (its
 * order.created, `recordEventFrom('created', …)`) only if the order was made. Null when
 * refused. Run it under the buyer's lock (`inBuyerTransaction`): the count is read after that
 * lock was taken, so BUYs of one buyer sent at once cannot all pass it. The partial unique index decides
 * between buyers of one stuff: ON CONFLICT DO NOTHING (rather than catching the violation)
 * keeps the transaction usable, and a concurrent insert waits for the first to commit before
 * it is refused. Plain SQL: every BUY runs it.
 */
export async function insertOrderUnlessRefused(
  trx: Kysely<OrdersDatabase>,
  order: NewOrder & { id: string },
  maxHeld: number,
  now: Date,
  news: RawBuilder<unknown>,
): Promise<OrderRow | null> {
  const { rows } = await sql<OrderRow>`
    WITH created AS (
      INSERT INTO orders (id, stuff_id, buyer_id, seller_id, status, price_cents, currency, expires_at)
      SELECT ${order.id}, ${order.stuffId}, ${order.buyerId}, ${order.sellerId}, 'AWAITING_PAYMENT',
             ${order.priceCents}, ${order.currency}, ${order.expiresAt}
      WHERE (SELECT count(*) FROM orders WHERE buyer_id = ${order.buyerId} AND status = 'AWAITING_PAYMENT'
             AND expires_at > ${now}) < ${maxHeld}
      ON CONFLICT (stuff_id) WHERE status IN ('AWAITING_PAYMENT', 'COMPLETE') DO NOTHING
      RETURNING *
    ), news AS (${news})
    SELECT * FROM created`.execute(trx);
  return rows[0] ?? null;
}

export async function findOrder(db: Kysely<OrdersDatabase>, id: string): Promise<OrderRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrdersByIds(db: Kysely<OrdersDatabase>, ids: readonly string[]): Promise<OrderRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db.selectFrom('orders').selectAll().where('id', 'in', valid).execute();
}

/** Newest first, the id breaking ties, so a position is never on two pages. */
export async function findOrdersOfBuyer(
  db: Kysely<OrdersDatabase>,
  buyerId: string,
  after: Position | null,
  limit: number,
): Promise<OrderRow[]> {
  let query = db.selectFrom('orders').selectAll().where('buyerId', '=', buyerId);
  if (after)
    query = query.where((eb) =>
      eb(eb.refTuple('createdAt', 'id'), '<', eb.tuple(eb.val(after.createdAt), eb.val(after.key))),
    );
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Advisory locks of this class are taken per buyer; no other lock of the orders database uses it. */
const BUYER_LOCK_CLASS = 7301;

/**
 * The buyer's key within that class, computed here (FNV-1a of the id, 32 bits) so that it goes
 * into the statement as a number, never as text from outside. Two buyers who share a key only
 * take turns.
 */
function buyerLockKey(buyerId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < buyerId.length; i++) hash = Math.imul(hash ^ buyerId.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/**
 * Runs `work` in a transaction that holds the buyer's turn until it ends: BUYs of one buyer are
 * counted and inserted one at a time, so simultaneous BUYs of distinct stuff cannot all pass the
 * count. Other buyers are not held up (the lock is the buyer's own). BEGIN and the lock go in
 * one round trip, a query without parameters (so PostgreSQL takes both statements at once),
 * which every BUY pays; anything that fails rolls back before the connection goes back to the pool.
 */
export async function inBuyerTransaction<T>(
  db: Kysely<OrdersDatabase>,
  buyerId: string,
  work: (trx: Kysely<OrdersDatabase>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    try {
      await sql
        .raw(`BEGIN; SELECT pg_advisory_xact_lock(${BUYER_LOCK_CLASS}, ${buyerLockKey(buyerId)})`)
        .execute(connection);
      const result = await work(connection);
      await sql.raw('COMMIT').execute(connection);
      return result;
    } catch (error) {
      await sql
        .raw('ROLLBACK')
        .execute(connection)
        .catch(() => undefined);
      throw error;
    }
  });
}

/** Orders the buyer holds right now: awaiting payment and still inside their window. SQL, not built: every BUY runs it. */
export async function countHeldOrders(db: Kysely<OrdersDatabase>, buyerId: string, now: Date): Promise<number> {
  const { rows } = await sql<{ held: number }>`
    SELECT count(*) AS held FROM orders
    WHERE buyer_id = ${buyerId} AND status = 'AWAITING_PAYMENT' AND expires_at > ${now}`.execute(db);
  return Number(rows[0]?.held ?? 0);
}

/** The order holding or owning each stuff, if any: availability is derived from it. */
export async function findActiveOrders(db: Kysely<OrdersDatabase>, stuffIds: readonly string[]): Promise<OrderRow[]> {
  const ids = stuffIds.filter(isUuid);
  if (ids.length === 0) return [];
  return db
    .selectFrom('orders')
    .selectAll()
    .where('stuffId', 'in', ids)
    .where('status', 'in', ['AWAITING_PAYMENT', 'COMPLETE'])
    .execute();
}

/**
 * Moves an order from one status to another in one guarded statement: it happens only if the
 * order is still in `from`, so a completed order can never be cancelled nor a cancelled one
 * completed, whoever tries first.
 */
export async function transitionOrder(
  db: Kysely<OrdersDatabase>,
  id: string,
  from: OrderStatus,
  to: OrderStatus,
  condition: { expiredBy?: Date } = {},
): Promise<OrderRow | undefined> {
  let query = db
    .updateTable('orders')
    .set({ status: to, version: sql`version + 1`, updatedAt: new Date() })
    .where('id', '=', id)
    .where('status', '=', from);
  if (condition.expiredBy) {
    const now = condition.expiredBy;
    query = query
      .where('expiresAt', '<=', now)
      .where((eb) => eb.or([eb('heldUntil', 'is', null), eb('heldUntil', '<=', now)]));
  }
  return query.returningAll().executeTakeFirst();
}

/** Cancels every order whose window has passed, in one statement; returns what it cancelled. */
export async function cancelOverdueOrders(db: Kysely<OrdersDatabase>, now: Date, limit = 500): Promise<OrderRow[]> {
  return db
    .updateTable('orders')
    .set({ status: 'CANCELLED', version: sql`version + 1`, updatedAt: now })
    .where(
      'id',
      'in',
      db
        .selectFrom('orders')
        .select('id')
        .where('status', '=', 'AWAITING_PAYMENT')
        .where('expiresAt', '<=', now)
        // A payment under way holds its order until its outcome arrives, for a bounded time.
        .where((eb) => eb.or([eb('heldUntil', 'is', null), eb('heldUntil', '<=', now)]))
        .orderBy('expiresAt')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/**
 * Holds an order still awaiting payment, and not yet expired, for a payment attempt: the
 * expiry leaves it alone until `holdSeconds` past `expiresAt`. Holding it again for the same
 * attempt changes nothing; a later attempt takes the hold over. Undefined when it cannot be held.
 */
export async function holdOrder(
  db: Kysely<OrdersDatabase>,
  id: string,
  attemptId: string,
  holdSeconds: number,
  now: Date,
): Promise<OrderRow | undefined> {
  return db
    .updateTable('orders')
    .set({ heldBy: attemptId, heldUntil: sql`expires_at + make_interval(secs => ${holdSeconds})` })
    .where('id', '=', id)
    .where('status', '=', 'AWAITING_PAYMENT')
    .where((eb) => eb.or([eb('expiresAt', '>', now), eb('heldBy', '=', attemptId)]))
    .returningAll()
    .executeTakeFirst();
}

/** The attempt holding the order ended without a charge: the expiry may take the order again. */
export async function releaseHold(db: Kysely<OrdersDatabase>, id: string, attemptId: string): Promise<void> {
  await db
    .updateTable('orders')
    .set({ heldBy: null, heldUntil: null })
    .where('id', '=', id)
    .where('heldBy', '=', attemptId)
    .execute();
}
