import { versionGate, type DomainEvent, type HandleOutcome, type StuffSnapshot } from '@stuffmart/common';
import type { Kysely } from 'kysely';
import { saveStuffCopy, stuffCopyVersion } from '../data-access/stuff-copies.js';
import type { OrdersDatabase } from '../data-access/orders-database.js';

/** stuff.created / stuff.updated: keep the local copy, one version after another. */
export async function applyStuffSnapshot(event: DomainEvent, trx: Kysely<OrdersDatabase>): Promise<HandleOutcome> {
  const snapshot = event.data as unknown as StuffSnapshot;
  const gate = versionGate(await stuffCopyVersion(trx, snapshot.stuffId), event.subjectVersion);
  if (gate === 'wait') return 'retry';
  if (gate === 'apply') await saveStuffCopy(trx, snapshot, event.subjectVersion);
  return 'done';
}
