import { assertSignedIn, NotFoundError, type Identity } from '@stuffmart/common';
import type { StuffRow } from '../data-access/catalog-database.js';
import { applyStuffChanges, lockStuff, type StuffChanges } from '../data-access/stuffs.js';
import { recordStuffUpdated } from '../events/stuff-events.js';
import { assertCanEdit } from './assert-can-edit.js';
import { attachPhotos, parsePhotoIds } from './attach-photos.js';
import type { CatalogDeps } from './catalog-deps.js';
import { parseUpdateStuffInput, type UpdateStuffRequest } from './parse-stuff-input.js';

/** Only what differs from the stuff as it is: an edit that changes nothing is no new version. */
function changesTo(stuff: StuffRow, requested: StuffChanges): StuffChanges {
  return Object.fromEntries(
    Object.entries(requested).filter(([field, value]) => stuff[field as keyof StuffChanges] !== value),
  );
}

/**
 * The row stays locked from the checks to the write, so an order event cannot reserve the
 * stuff in between, and two edits cannot both build on the same version.
 */
export async function updateStuff(
  deps: CatalogDeps,
  user: Identity | null,
  id: string,
  input: UpdateStuffRequest & { photoIds?: readonly string[] | null },
): Promise<StuffRow> {
  const editor = assertSignedIn(user);
  const photoIds = parsePhotoIds(input.photoIds);
  const result = await deps.db.transaction().execute(async (trx) => {
    const stuff = await lockStuff(trx, id);
    if (!stuff) throw new NotFoundError('Stuff');
    assertCanEdit(stuff, editor);
    const changes = changesTo(stuff, parseUpdateStuffInput(input));
    const photosChanged = photoIds !== undefined && (await attachPhotos(trx, stuff.id, stuff.sellerId, photoIds));
    if (Object.keys(changes).length === 0 && !photosChanged) return { stuff, changed: false };
    const updated = await applyStuffChanges(trx, stuff.id, changes);
    await recordStuffUpdated(trx, updated);
    return { stuff: updated, changed: true };
  });
  if (result.changed) deps.relay.wake();
  return result.stuff;
}
