import { ForbiddenError, StuffReservedError, StuffSoldError, type Identity } from '@stuffmart/common';
import type { StuffRow } from '../data-access/catalog-database.js';

/** Only the seller edits, and only while no order holds or owns the stuff. */
export function assertCanEdit(stuff: StuffRow, editor: Identity): void {
  // Ownership first: a non-seller must not learn whether the stuff is reserved or sold.
  if (stuff.sellerId !== editor.userId) throw new ForbiddenError();
  if (stuff.availability === 'SOLD') throw new StuffSoldError();
  if (stuff.availability === 'RESERVED') throw new StuffReservedError();
}
