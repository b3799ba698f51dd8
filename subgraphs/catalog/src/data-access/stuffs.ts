import { isUuid, type Position } from '@stuffmart/common';
import { sql, type Kysely } from 'kysely';
import type { Availability, CatalogDatabase, NewStuff, StuffRow } from './catalog-database.js';
import { STUFF_COLUMNS } from './search-stuffs.js';

export type StuffChanges = Partial<Pick<StuffRow, 'title' | 'description' | 'priceCents' | 'category'>>;

export async function insertStuff(db: Kysely<CatalogDatabase>, stuff: NewStuff): Promise<StuffRow> {
  return db.insertInto('stuffs').values(stuff).returning(STUFF_COLUMNS).executeTakeFirstOrThrow();
}

/** Holds the row until the transaction ends, so an edit and an order event never interleave. */
export async function lockStuff(trx: Kysely<CatalogDatabase>, id: string): Promise<StuffRow | undefined> {
  if (!isUuid(id)) return undefined;
  return trx.selectFrom('stuffs').select(STUFF_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
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
    .returning(STUFF_COLUMNS)
    .executeTakeFirstOrThrow();
}

/**
 * Locks these stuffs, in the order of their ids, so two batches that share some never wait for
 * each other in a circle; a stuff unknown here is left out.
 */
export async function lockStuffs(
  trx: Kysely<CatalogDatabase>,
  ids: readonly string[],
): Promise<Array<Pick<StuffRow, 'id' | 'availability'>>> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return trx
    .selectFrom('stuffs')
    .select(['id', 'availability'])
    .where('id', 'in', valid)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Sets the availability of several stuffs in one statement. */
export async function setAvailabilities(
  trx: Kysely<CatalogDatabase>,
  changes: ReadonlyArray<{ id: string; availability: Availability }>,
): Promise<void> {
  if (changes.length === 0) return;
  await sql`UPDATE stuffs SET availability = change.availability
    FROM unnest(${changes.map((change) => change.id)}::uuid[], ${changes.map((change) => change.availability)}::text[])
      AS change (id, availability)
    WHERE stuffs.id = change.id`.execute(trx);
}

export async function findStuffsByIds(db: Kysely<CatalogDatabase>, ids: readonly string[]): Promise<StuffRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  // Not the tsvector: references read many stuffs, and only the database reads that column.
  return db.selectFrom('stuffs').select(STUFF_COLUMNS).where('id', 'in', valid).execute();
}

/**
 * One page of each seller's stuffs, newest first, in one statement whatever the number of
 * sellers: a lateral join reads each seller's page from the (seller_id, created_at, id) index.
 */
export async function findStuffPagesOfSellers(
  db: Kysely<CatalogDatabase>,
  sellerIds: readonly string[],
  after: Position | null,
  limit: number,
): Promise<StuffRow[]> {
  const valid = sellerIds.filter(isUuid);
  if (valid.length === 0) return [];
  return db
    .selectFrom(sql<{ sellerId: string }>`(SELECT unnest(${valid}::uuid[]) AS seller_id)`.as('seller'))
    .innerJoinLateral(
      (eb) => {
        let page = eb.selectFrom('stuffs').selectAll().whereRef('stuffs.sellerId', '=', 'seller.sellerId');
        if (after)
          page = page.where((w) =>
            w(w.refTuple('createdAt', 'id'), '<', w.tuple(w.val(after.createdAt), w.val(after.key))),
          );
        return page.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).as('page');
      },
      (join) => join.onTrue(),
    )
    .selectAll('page')
    .orderBy('page.sellerId')
    .orderBy('page.createdAt', 'desc')
    .orderBy('page.id', 'desc')
    .execute();
}
