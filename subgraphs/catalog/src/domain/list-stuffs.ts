import {
  BadUserInputError,
  isUuid,
  parsePageArgs,
  toConnection,
  type Connection,
  type FieldError,
  type PageRequest,
} from '@stuffmart/common';
import type { StuffRow } from '../data-access/catalog-database.js';
import { searchStuffs, type RankedStuffRow } from '../data-access/search-stuffs.js';
import type { CatalogDeps } from './catalog-deps.js';
import { isFiltered, parseStuffFilter, type StuffFilterRequest, type StuffSearch } from './parse-stuff-filter.js';
import { decodeSearchCursor, encodeSearchCursor, filterFingerprint, type SearchPosition } from './search-cursor.js';

export type StuffPage = Connection<StuffRow>;

/** A stuff's place in every newest-first list of stuffs: its creation time, then its id. */
export const stuffPosition = (stuff: StuffRow) => ({ createdAt: stuff.createdAt, key: stuff.id });

/** `first` and `after` of any list of stuffs, refused before anything is read. */
export function parseStuffPage(first: number | null | undefined, after: string | null | undefined): PageRequest {
  return parsePageArgs(first, after, isUuid);
}

/** The rules of `first` alone, as every list has them. */
function pageSizeErrors(first: number | null | undefined): FieldError[] {
  try {
    parsePageArgs(first, null, isUuid);
    return [];
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fields;
    throw error;
  }
}

/**
 * The catalogue, or the part of it a filter picks: newest first, best match first when words
 * are searched for. Every rule of `first`, `after` and the filter is checked, and all broken
 * ones are told at once, before anything is read; the page is then one statement, whatever
 * `first` is.
 */
export async function listStuffs(
  deps: CatalogDeps,
  first: number | null,
  after: string | null,
  filter: StuffFilterRequest | null,
): Promise<StuffPage> {
  const { search, errors } = parseStuffFilter(filter);
  if (errors.length === 0 && !isFiltered(search)) return listNewest(deps, first, after);
  const position = after === null ? null : decodeSearchCursor(after, search);
  const problems = [...pageSizeErrors(first), ...errors];
  if (after !== null && !position && errors.length === 0) {
    problems.push({ field: 'after', message: 'After must be a cursor from this list with this filter' });
  }
  if (problems.length > 0) throw new BadUserInputError(problems);
  const page = parsePageArgs(first, null, isUuid);
  const rows = await searchStuffs(deps.db, search, position, page.first + 1);
  return toSearchConnection(rows, page.first, search, position);
}

/** Newest first; one row more than asked tells whether another page follows. */
async function listNewest(deps: CatalogDeps, first: number | null, after: string | null): Promise<StuffPage> {
  const page = parseStuffPage(first, after);
  const position = page.after && { rank: null, createdAt: page.after.createdAt, id: page.after.key };
  const rows = await searchStuffs(deps.db, {}, position, page.first + 1);
  return toConnection(rows, page, stuffPosition);
}

/** As toConnection, with cursors that carry the filter's fingerprint and the rank. */
function toSearchConnection(
  rows: RankedStuffRow[],
  first: number,
  search: StuffSearch,
  after: SearchPosition | null,
): StuffPage {
  const fingerprint = filterFingerprint(search);
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({
    cursor: encodeSearchCursor(fingerprint, { rank: node.rank, createdAt: node.createdAt, id: node.id }),
    node,
  }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
