import { BadUserInputError, isUuid } from '@stuffmart/common';
import type { Kysely } from 'kysely';
import type { CatalogDatabase } from '../data-access/catalog-database.js';
import { findPhotoIdsOfStuff, replaceStuffPhotos } from '../data-access/photos.js';
import { MAX_PHOTOS_PER_STUFF } from './photo-rules.js';

const refuse = (message: string) => new BadUserInputError([{ field: 'photoIds', message }]);
const NOT_YOURS = 'Photos must be uploaded by you and not used in another listing';

/** Undefined when not given (no change); the list in the seller's order otherwise. */
export function parsePhotoIds(photoIds: readonly string[] | null | undefined): string[] | undefined {
  if (photoIds === null || photoIds === undefined) return undefined;
  if (photoIds.length > MAX_PHOTOS_PER_STUFF) throw refuse(`At most ${MAX_PHOTOS_PER_STUFF} photos`);
  if (new Set(photoIds).size !== photoIds.length) throw refuse('Each photo may be listed once');
  if (!photoIds.every(isUuid)) throw refuse(NOT_YOURS);
  return [...photoIds];
}

/**
 * Makes the stuff's photos exactly these, in this order; throws (and the caller's
 * transaction rolls back) when one is not the seller's, not finished uploading, or another
 * listing's. True when the list changed.
 */
export async function attachPhotos(
  trx: Kysely<CatalogDatabase>,
  stuffId: string,
  sellerId: string,
  photoIds: readonly string[],
): Promise<boolean> {
  const before = await findPhotoIdsOfStuff(trx, stuffId);
  if (before.length === photoIds.length && before.every((id, index) => id === photoIds[index])) return false;
  const attached = await replaceStuffPhotos(trx, stuffId, sellerId, photoIds);
  if (attached !== photoIds.length) throw refuse(NOT_YOURS);
  return true;
}
