import { isUuid, parsePageArgs, toConnection, type Connection, type PageRequest } from '@stuffmart/common';
import type { StuffRow } from '../data-access/catalog-database.js';
import { findStuffsAfter } from '../data-access/stuffs.js';
import type { CatalogDeps } from './catalog-deps.js';

export type StuffPage = Connection<StuffRow>;

/** A stuff's place in every newest-first list of stuffs: its creation time, then its id. */
export const stuffPosition = (stuff: StuffRow) => ({ createdAt: stuff.createdAt, key: stuff.id });

/** `first` and `after` of any list of stuffs, refused before anything is read. */
export function parseStuffPage(first: number | null | undefined, after: string | null | undefined): PageRequest {
  return parsePageArgs(first, after, isUuid);
}

/** Newest first; one row more than asked tells whether another page follows. */
export async function listStuffs(deps: CatalogDeps, first: number | null, after: string | null): Promise<StuffPage> {
  const page = parseStuffPage(first, after);
  const rows = await findStuffsAfter(deps.db, page.after, page.first + 1);
  return toConnection(rows, page, stuffPosition);
}
