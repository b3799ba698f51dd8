import { isUuid } from '@stuffmart/common';
import { sql, type Kysely } from 'kysely';
import type { Availability, CatalogDatabase, NewStuff, StuffRow } from './catalog-database.js';

export type StuffChanges = Partial<Pick<StuffRow, 'title' | 'description' | 'priceCents'>>;

/** Where a page of the newest-first listing starts: just after this stuff. */
export interface StuffPosition {
  createdAt: Date;
  id: string;
}

export async function insertStuff(db: Kysely<CatalogDatabase>, stuff: NewStuff): Promise<StuffRow> {
  return db.insertInto('stuffs').values(stuff).returningAll().executeTakeFirstOrThrow();
}

/** Holds the row until the transaction ends, so an edit and an order event never interleave. */
export async function lockStuff(trx: Kysely<CatalogDatabase>, id: string): Promise<StuffRow | undefined> {
  if (!isUuid(id)) return undefined;
  return trx.selectFrom('stuffs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Every change is a new version. */
export async function applyStuffChanges(
  trx: Kysely<CatalogDatabase>,
  id: string,
  changes: StuffChanges,
): Promise<StuffRow> {
  return trx
    .updateTable('stuffs')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updatedAt: sql<Date>`now()` }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setAvailability(
  trx: Kysely<CatalogDatabase>,
  id: string,
  availability: Availability,
): Promise<void> {
  await trx.updateTable('stuffs').set({ availability }).where('id', '=', id).execute();
}

export async function findStuffsByIds(db: Kysely<CatalogDatabase>, ids: readonly string[]): Promise<StuffRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db.selectFrom('stuffs').selectAll().where('id', 'in', valid).execute();
}

/** Newest first, as the contract lists a user's stuffs. */
export async function findStuffsBySellerIds(
  db: Kysely<CatalogDatabase>,
  sellerIds: readonly string[],
): Promise<StuffRow[]> {
  const valid = sellerIds.filter(isUuid);
  if (valid.length === 0) return [];
  return db
    .selectFrom('stuffs')
    .selectAll()
    .where('sellerId', 'in', valid)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * Newest first; the id breaks ties between stuffs created in the same millisecond, so the
 * order is total and a position is never on two pages.
 */
export async function findStuffsAfter(
  db: Kysely<CatalogDatabase>,
  after: StuffPosition | null,
  limit: number,
): Promise<StuffRow[]> {
  let query = db.selectFrom('stuffs').selectAll();
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('createdAt', 'id'), '<', eb.tuple(eb.val(after.createdAt), eb.val(after.id))),
    );
  }
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
