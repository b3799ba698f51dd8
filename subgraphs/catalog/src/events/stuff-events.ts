import { newContractEvent, recordEvent } from '@stuffmart/common';
import { STREAMS, STUFF_CREATED, STUFF_UPDATED, type StuffSnapshot } from '@stuffmart/contract/events';
import type { Kysely } from 'kysely';
import type { CatalogDatabase, StuffRow } from '../data-access/catalog-database.js';

function snapshot(stuff: StuffRow): StuffSnapshot {
  return {
    stuffId: stuff.id,
    sellerId: stuff.sellerId,
    title: stuff.title,
    priceCents: stuff.priceCents,
    currency: stuff.currency,
  };
}

/** Call inside the transaction that inserted the stuff. */
export async function recordStuffCreated(trx: Kysely<CatalogDatabase>, stuff: StuffRow): Promise<void> {
  await recordEvent(trx, STREAMS.catalog, newContractEvent(STUFF_CREATED, stuff.id, stuff.version, snapshot(stuff)));
}

/** Call inside the transaction that made the change; the event carries the new version. */
export async function recordStuffUpdated(trx: Kysely<CatalogDatabase>, stuff: StuffRow): Promise<void> {
  await recordEvent(trx, STREAMS.catalog, newContractEvent(STUFF_UPDATED, stuff.id, stuff.version, snapshot(stuff)));
}
