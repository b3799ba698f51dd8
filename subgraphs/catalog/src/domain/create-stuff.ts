import { assertSignedIn, type Identity } from '@stuffmart/common';
import type { StuffRow } from '../data-access/catalog-database.js';
import { insertStuff } from '../data-access/stuffs.js';
import { recordStuffCreated } from '../events/stuff-events.js';
import type { CatalogDeps } from './catalog-deps.js';
import { parseCreateStuffInput, type CreateStuffRequest } from './parse-stuff-input.js';

export async function createStuff(
  deps: CatalogDeps,
  user: Identity | null,
  input: CreateStuffRequest,
): Promise<StuffRow> {
  const seller = assertSignedIn(user);
  const fields = parseCreateStuffInput(input);
  const stuff = await deps.db.transaction().execute(async (trx) => {
    const created = await insertStuff(trx, { ...fields, sellerId: seller.userId });
    await recordStuffCreated(trx, created);
    return created;
  });
  deps.relay.wake();
  return stuff;
}
