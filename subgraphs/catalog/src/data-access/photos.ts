import { isUuid } from '@stuffmart/common';
import { sql, type Kysely } from 'kysely';
import type { CatalogDatabase, PhotoRow } from './catalog-database.js';

/** Writes the photo's row if it is not there yet; false when it was (its URL was used). */
export async function claimPhoto(db: Kysely<CatalogDatabase>, id: string, uploaderId: string): Promise<boolean> {
  const row = await db
    .insertInto('photos')
    .values({ id, uploaderId })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives a refused upload's URL back, so the uploader may try again with a good file. */
export async function releasePhoto(db: Kysely<CatalogDatabase>, id: string): Promise<void> {
  await db.deleteFrom('photos').where('id', '=', id).where('status', '=', 'RECEIVING').execute();
}

export async function markPhotoReady(
  db: Kysely<CatalogDatabase>,
  id: string,
  fields: { width: number; height: number; etag: string; thumbnailEtag: string },
): Promise<void> {
  await db
    .updateTable('photos')
    .set({ ...fields, status: 'READY' })
    .where('id', '=', id)
    .execute();
}

export async function findReadyPhoto(db: Kysely<CatalogDatabase>, id: string): Promise<PhotoRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('photos').selectAll().where('id', '=', id).where('status', '=', 'READY').executeTakeFirst();
}

/** Every stuff's photos in the seller's order, in one statement. */
export async function findPhotosOfStuffs(
  db: Kysely<CatalogDatabase>,
  stuffIds: readonly string[],
): Promise<PhotoRow[]> {
  const valid = stuffIds.filter(isUuid);
  if (valid.length === 0) return [];
  return db.selectFrom('photos').selectAll().where('stuffId', 'in', valid).orderBy('position').execute();
}

/**
 * Attaches exactly these photos to the stuff, in this order, and detaches the rest it had.
 * Only READY photos of this uploader that no other stuff holds are taken; the caller compares
 * the count it gets back with the count it asked for.
 */
export async function replaceStuffPhotos(
  trx: Kysely<CatalogDatabase>,
  stuffId: string,
  uploaderId: string,
  photoIds: readonly string[],
): Promise<number> {
  await trx
    .updateTable('photos')
    .set({ stuffId: null, position: null, unattachedSince: sql<Date>`now()` })
    .where('stuffId', '=', stuffId)
    .where((eb) => (photoIds.length > 0 ? eb('id', 'not in', [...photoIds]) : eb.lit(true)))
    .execute();
  if (photoIds.length === 0) return 0;
  // The list's order becomes each photo's position (WITH ORDINALITY counts from 1).
  const attached = await sql<{ id: string }>`
    UPDATE photos SET stuff_id = ${stuffId}, position = wanted.position
    FROM unnest(${[...photoIds]}::uuid[]) WITH ORDINALITY AS wanted (id, position)
    WHERE photos.id = wanted.id AND photos.uploader_id = ${uploaderId} AND photos.status = 'READY'
      AND (photos.stuff_id IS NULL OR photos.stuff_id = ${stuffId})
    RETURNING photos.id`.execute(trx);
  return attached.rows.length;
}

export async function findPhotoIdsOfStuff(db: Kysely<CatalogDatabase>, stuffId: string): Promise<string[]> {
  const rows = await db.selectFrom('photos').select('id').where('stuffId', '=', stuffId).orderBy('position').execute();
  return rows.map((row) => row.id);
}

/** Locks orphans (attached to nothing since before the cutoff) that no one else holds. */
export async function lockOrphanPhotos(trx: Kysely<CatalogDatabase>, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await trx
    .selectFrom('photos')
    .select('id')
    .where('stuffId', 'is', null)
    .where('unattachedSince', '<', cutoff)
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((row) => row.id);
}

export async function deletePhotos(trx: Kysely<CatalogDatabase>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .deleteFrom('photos')
    .where('id', 'in', [...ids])
    .execute();
}
