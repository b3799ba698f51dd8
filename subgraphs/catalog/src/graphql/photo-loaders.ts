import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { CatalogDatabase, PhotoRow } from '../data-access/catalog-database.js';
import { findPhotosOfStuffs } from '../data-access/photos.js';

/** Made per request, like the stuff loaders. */
export function createPhotoLoader(db: Kysely<CatalogDatabase>): DataLoader<string, PhotoRow[]> {
  return new DataLoader<string, PhotoRow[]>(async (stuffIds) => {
    const byStuff = new Map<string, PhotoRow[]>();
    for (const row of await findPhotosOfStuffs(db, stuffIds)) {
      const list = byStuff.get(row.stuffId!);
      if (list) list.push(row);
      else byStuff.set(row.stuffId!, [row]);
    }
    return stuffIds.map((id) => byStuff.get(id) ?? []);
  });
}
