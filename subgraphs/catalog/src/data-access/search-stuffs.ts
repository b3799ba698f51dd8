import { sql, type Kysely } from 'kysely';
import type { SearchPosition } from '../domain/search-cursor.js';
import type { StuffSearch } from '../domain/parse-stuff-filter.js';
import type { CatalogDatabase, StuffRow } from './catalog-database.js';

/** A stuff as a listing reads it, with its rank when words were searched for. */
export type RankedStuffRow = StuffRow & { rank: string | null };

/**
 * Every column but the tsvector, which only the database reads: a page of long descriptions
 * would otherwise carry each one twice.
 */
export const STUFF_COLUMNS = [
  'id',
  'sellerId',
  'title',
  'description',
  'priceCents',
  'currency',
  'category',
  'version',
  'availability',
  'createdAt',
  'updatedAt',
] as const;

/**
 * One page of stuffs matching `search`, in one statement whatever the page size: best match
 * first when words are searched for (ties newest first), otherwise newest first; the id breaks
 * the last ties so the order is total. The words go through the GIN index on `search`; each
 * other condition has a b-tree (migration 0004), so the planner never has to read the table.
 */
export async function searchStuffs(
  db: Kysely<CatalogDatabase>,
  search: StuffSearch,
  after: SearchPosition | null,
  limit: number,
): Promise<RankedStuffRow[]> {
  return searchStuffsQuery(db, search, after, limit).execute();
}

/** The statement of searchStuffs, unrun: a test asks PostgreSQL how it would run it. */
export function searchStuffsQuery(
  db: Kysely<CatalogDatabase>,
  search: StuffSearch,
  after: SearchPosition | null,
  limit: number,
) {
  // websearch_to_tsquery never fails on what a person types (quotes, "or", a lone "-").
  const words = search.query === undefined ? null : sql`websearch_to_tsquery('english', ${search.query})`;
  const rank = words ? sql<number>`ts_rank(search, ${words})` : null;
  let query = db
    .selectFrom('stuffs')
    .select(STUFF_COLUMNS)
    .select(rank ? sql<string>`${rank}::text`.as('rank') : sql<null>`NULL`.as('rank'));
  if (words) query = query.where(sql<boolean>`search @@ ${words}`);
  if (search.availability) query = query.where('availability', 'in', search.availability);
  if (search.category) query = query.where('category', '=', search.category);
  if (search.currency) query = query.where('currency', '=', search.currency);
  if (search.minPriceCents !== undefined) query = query.where('priceCents', '>=', search.minPriceCents);
  if (search.maxPriceCents !== undefined) query = query.where('priceCents', '<=', search.maxPriceCents);
  if (after) {
    query =
      rank && after.rank !== null
        ? query.where(
            sql<boolean>`(${rank}, created_at, id) < (${after.rank}::real, ${after.createdAt}, ${after.id}::uuid)`,
          )
        : query.where((eb) =>
            eb(eb.refTuple('createdAt', 'id'), '<', eb.tuple(eb.val(after.createdAt), eb.val(after.id))),
          );
  }
  if (rank) query = query.orderBy(rank, 'desc');
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit);
}
