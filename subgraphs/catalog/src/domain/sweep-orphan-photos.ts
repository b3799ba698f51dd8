import { deletePhotos, lockOrphanPhotos } from '../data-access/photos.js';
import { photoKey } from '../data-access/photo-storage.js';
import type { CatalogDeps } from './catalog-deps.js';

const BATCH = 200;

/**
 * Deletes photos attached to no stuff for longer than PHOTO_ORPHAN_AGE_MS (a day): uploads
 * never used in a listing, and photos removed from one. The rows stay locked while their bytes
 * go, so a listing cannot take a photo whose bytes are being deleted; if the process dies
 * half-way, the rows are still there and the next sweep deletes the bytes again.
 */
export async function sweepOrphanPhotos(deps: CatalogDeps, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - deps.photos.orphanAgeMs);
  let swept = 0;
  for (;;) {
    const count = await deps.db.transaction().execute(async (trx) => {
      const ids = await lockOrphanPhotos(trx, cutoff, BATCH);
      await deps.photos.storage.delete(ids.flatMap((id) => [photoKey(id, 'full'), photoKey(id, 'thumbnail')]));
      await deletePhotos(trx, ids);
      return ids.length;
    });
    swept += count;
    if (count < BATCH) return swept;
  }
}
