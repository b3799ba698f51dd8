import { BadUserInputError, type FieldError } from '@stuffmart/common';
import type { StuffRow } from '../data-access/catalog-database.js';
import { findStuffsAfter, type StuffPosition } from '../data-access/stuffs.js';
import type { CatalogDeps } from './catalog-deps.js';
import { decodeStuffCursor, encodeStuffCursor } from './stuff-cursor.js';

export const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

export interface StuffPage {
  edges: Array<{ cursor: string; node: StuffRow }>;
  nodes: StuffRow[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Both arguments are checked before either is refused, so the client hears of both at once. */
function parsePageArgs(first: number | null, after: string | null): { first: number; after: StuffPosition | null } {
  const size = first ?? DEFAULT_PAGE_SIZE;
  const position = after === null ? null : decodeStuffCursor(after);
  const errors: FieldError[] = [];
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    errors.push({ field: 'first', message: `First must be between 1 and ${MAX_PAGE_SIZE}` });
  }
  if (after !== null && !position) errors.push({ field: 'after', message: 'After must be a cursor from this list' });
  if (errors.length > 0) throw new BadUserInputError(errors);
  return { first: size, after: position };
}

/** Newest first; one row more than asked tells whether another page follows. */
export async function listStuffs(deps: CatalogDeps, first: number | null, after: string | null): Promise<StuffPage> {
  const page = parsePageArgs(first, after);
  const rows = await findStuffsAfter(deps.db, page.after, page.first + 1);
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => ({ cursor: encodeStuffCursor(node), node }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
