import type { Kysely } from 'kysely';
import type { CatalogDatabase } from './catalog-database.js';

/**
 * Where the bytes of photos live. Two implementations: catalog's own database (the default,
 * nothing else to run) and any S3-compatible store (s3-photo-storage.ts).
 */
export interface PhotoStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** Null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  /** Deleting what is not there is no error: a sweep may run twice. */
  delete(keys: readonly string[]): Promise<void>;
}

export type PhotoSize = 'full' | 'thumbnail';

export function photoKey(photoId: string, size: PhotoSize): string {
  return `photos/${photoId}/${size}.webp`;
}

export function postgresPhotoStorage(db: Kysely<CatalogDatabase>): PhotoStorage {
  return {
    async put(key, bytes) {
      await db
        .insertInto('photoFiles')
        .values({ key, bytes })
        .onConflict((oc) => oc.column('key').doUpdateSet({ bytes }))
        .execute();
    },
    async get(key) {
      const row = await db.selectFrom('photoFiles').select('bytes').where('key', '=', key).executeTakeFirst();
      return row?.bytes ?? null;
    },
    async delete(keys) {
      if (keys.length === 0) return;
      await db
        .deleteFrom('photoFiles')
        .where('key', 'in', [...keys])
        .execute();
    },
  };
}
