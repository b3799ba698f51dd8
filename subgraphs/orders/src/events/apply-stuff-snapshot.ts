import { versionGate, type ContractEventOf, type HandleOutcome } from '@stuffmart/common';
import type { STUFF_CREATED, STUFF_UPDATED } from '@stuffmart/contract/events';
import type { Kysely } from 'kysely';
import { saveStuffCopy, stuffCopyVersion } from '../data-access/stuff-copies.js';
import type { OrdersDatabase } from '../data-access/orders-database.js';

/** stuff.created / stuff.updated: keep the local copy, one version after another. */
export async function applyStuffSnapshot(
  event: ContractEventOf<typeof STUFF_CREATED | typeof STUFF_UPDATED>,
  trx: Kysely<OrdersDatabase>,
): Promise<HandleOutcome> {
  const snapshot = event.data;
  const gate = versionGate(await stuffCopyVersion(trx, snapshot.stuffId), event.subjectVersion);
  if (gate === 'wait') return 'retry';
  if (gate === 'apply') await saveStuffCopy(trx, snapshot, event.subjectVersion);
  return 'done';
}
