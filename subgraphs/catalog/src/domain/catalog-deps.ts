import type { OutboxRelay } from '@stuffmart/common';
import type { Kysely } from 'kysely';
import type { CatalogDatabase } from '../data-access/catalog-database.js';
import type { PhotoStorage } from '../data-access/photo-storage.js';

/** What the catalog use cases need from the outside world, built once at start. */
export interface CatalogDeps {
  db: Kysely<CatalogDatabase>;
  /** Woken after a commit that wrote to the outbox, so the event leaves at once. */
  relay: Pick<OutboxRelay, 'wake'>;
  photos: PhotoDeps;
}

export interface PhotoDeps {
  storage: PhotoStorage;
  /** Signs and checks upload URLs. */
  uploadKey: Buffer;
  /** The gateway's address when a request does not name it. */
  defaultPublicUrl: string;
  orphanAgeMs: number;
}
