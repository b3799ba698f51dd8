import { isUuid } from '@stuffmart/common';
import { sql, type Kysely } from 'kysely';
import type { StuffSnapshot } from '@stuffmart/contract/events';
import type { OrdersDatabase, OrderStatus, StuffCopy } from './orders-database.js';

/** The channel on which the database announces, with the stuff's id, each committed change to its copy (migration 0006). */
export const STUFF_NEWS_CHANNEL = 'stuff_news';

/** A stuff as a BUY first sees it: its copy, and the status of the order holding or owning it, if any. */
export type StuffOnSale = StuffCopy & { holderStatus: OrderStatus | null };

/**
 * The copy and its holder in one statement: most presses of a contested BUY find the stuff
 * taken here and are answered without a transaction. The unique index on active orders per
 * stuff allows one holder at most, so the join gives one row at most. Written as SQL rather
 * than built: every BUY runs it, and building it costs more CPU than running it.
 */
export async function findStuffOnSale(db: Kysely<OrdersDatabase>, id: string): Promise<StuffOnSale | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await sql<StuffOnSale>`
    SELECT stuff_copies.*, orders.status AS holder_status
    FROM stuff_copies
    LEFT JOIN orders ON orders.stuff_id = stuff_copies.id AND orders.status IN ('AWAITING_PAYMENT', 'COMPLETE')
    WHERE stuff_copies.id = ${id}`.execute(db);
  return rows[0];
}

export async function stuffCopyVersion(db: Kysely<OrdersDatabase>, id: string): Promise<number | undefined> {
  const row = await db.selectFrom('stuffCopies').select('version').where('id', '=', id).forUpdate().executeTakeFirst();
  return row?.version;
}

export async function saveStuffCopy(db: Kysely<OrdersDatabase>, stuff: StuffSnapshot, version: number): Promise<void> {
  const copy = {
    id: stuff.stuffId,
    sellerId: stuff.sellerId,
    title: stuff.title,
    priceCents: stuff.priceCents,
    currency: stuff.currency,
    version,
  };
  await db
    .insertInto('stuffCopies')
    .values(copy)
    .onConflict((conflict) => conflict.column('id').doUpdateSet(copy))
    .execute();
}
