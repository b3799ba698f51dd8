import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { CatalogDatabase, StuffRow } from '../data-access/catalog-database.js';
import { findStuffsByIds, findStuffsBySellerIds } from '../data-access/stuffs.js';
import type { CatalogContext } from './catalog-context.js';

/** Made per request: a loader's cache must not outlive the request that filled it. */
export function createStuffLoaders(db: Kysely<CatalogDatabase>): Pick<CatalogContext, 'stuffs' | 'stuffsBySeller'> {
  return {
    stuffs: new DataLoader<string, StuffRow | null>(async (ids) => {
      const byId = new Map((await findStuffsByIds(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    stuffsBySeller: new DataLoader<string, StuffRow[]>(async (sellerIds) => {
      const bySeller = new Map<string, StuffRow[]>();
      // Rows arrive newest first; pushing keeps that order within each seller.
      for (const row of await findStuffsBySellerIds(db, sellerIds)) {
        const list = bySeller.get(row.sellerId);
        if (list) list.push(row);
        else bySeller.set(row.sellerId, [row]);
      }
      return sellerIds.map((sellerId) => bySeller.get(sellerId) ?? []);
    }),
  };
}
