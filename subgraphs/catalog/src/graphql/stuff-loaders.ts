import { encodeCursor, type PageRequest } from '@stuffmart/common';
import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { CatalogDatabase, StuffRow } from '../data-access/catalog-database.js';
import { findStuffPagesOfSellers, findStuffsByIds } from '../data-access/stuffs.js';
import type { CatalogContext } from './catalog-context.js';

/** One seller's page of stuffs, as `User.stuffs(first, after)` asks for it. */
export interface SellerPageKey {
  sellerId: string;
  page: PageRequest;
}

const pageKey = ({ page }: SellerPageKey) => `${page.first}:${page.after ? encodeCursor(page.after) : ''}`;
const cacheKey = (key: SellerPageKey) => `${pageKey(key)}|${key.sellerId}`;

/**
 * Every `User.stuffs` of a request in as few statements as there are distinct (first, after)
 * pairs in the query, one per pair, however many users and whatever `first` is.
 */
async function loadSellerPages(db: Kysely<CatalogDatabase>, keys: readonly SellerPageKey[]): Promise<StuffRow[][]> {
  const groups = new Map<string, { page: PageRequest; sellerIds: string[] }>();
  for (const key of keys) {
    const group = groups.get(pageKey(key));
    if (group) group.sellerIds.push(key.sellerId);
    else groups.set(pageKey(key), { page: key.page, sellerIds: [key.sellerId] });
  }
  const pages = new Map<string, StuffRow[]>();
  for (const [group, { page, sellerIds }] of groups) {
    // One row more than asked tells whether another page follows.
    const rows = await findStuffPagesOfSellers(db, sellerIds, page.after, page.first + 1);
    // Rows arrive newest first within each seller; pushing keeps that order.
    for (const row of rows) {
      const id = `${group}|${row.sellerId}`;
      const list = pages.get(id);
      if (list) list.push(row);
      else pages.set(id, [row]);
    }
  }
  return keys.map((key) => pages.get(cacheKey(key)) ?? []);
}

/** Made per request: a loader's cache must not outlive the request that filled it. */
export function createStuffLoaders(db: Kysely<CatalogDatabase>): Pick<CatalogContext, 'stuffs' | 'stuffPagesBySeller'> {
  return {
    stuffs: new DataLoader<string, StuffRow | null>(async (ids) => {
      const byId = new Map((await findStuffsByIds(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    stuffPagesBySeller: new DataLoader<SellerPageKey, StuffRow[], string>((keys) => loadSellerPages(db, keys), {
      cacheKeyFn: cacheKey,
    }),
  };
}
