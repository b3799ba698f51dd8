import { assertSignedIn, type Identity } from '@stuffmart/common';
import type { StuffRow } from '../data-access/catalog-database.js';
import { insertStuff } from '../data-access/stuffs.js';
import { recordStuffCreated } from '../events/stuff-events.js';
import { attachPhotos, parsePhotoIds } from './attach-photos.js';
import type { CatalogDeps } from './catalog-deps.js';
import { parseCreateStuffInput, type CreateStuffRequest } from './parse-stuff-input.js';

export async function createStuff(
  deps: CatalogDeps,
  user: Identity | null,
  input: CreateStuffRequest & { photoIds?: readonly string[] | null },
): Promise<StuffRow> {
  const seller = assertSignedIn(user);
  const fields = parseCreateStuffInput(input);
  const photoIds = parsePhotoIds(input.photoIds) ?? [];
  const stuff = await deps.db.transaction().execute(async (trx) => {
    const created = await insertStuff(trx, { ...fields, sellerId: seller.userId });
    await attachPhotos(trx, created.id, seller.userId, photoIds);
    await recordStuffCreated(trx, created);
    return created;
  });
  deps.relay.wake();
  return stuff;
}
