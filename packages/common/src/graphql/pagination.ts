import { BadUserInputError, type FieldError } from '../errors/custom-error.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Far above any cursor we hand out; a longer string is refused before it is decoded. */
const MAX_CURSOR_LENGTH = 256;

/**
 * Where a newest-first page starts: just after the row created at `createdAt` whose
 * tie-breaking key (its id, a coupon's code) is `key`. The pair orders every row totally, so
 * a row is never on two pages. Timestamps must be stored to the millisecond, as a Date holds them.
 */
export interface Position {
  createdAt: Date;
  key: string;
}

export interface PageRequest {
  first: number;
  after: Position | null;
}

export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfoShape;
}

/**
 * The one form toISOString gives for years 0..9999. Dates JS can hold beyond that (years like
 * -271821) are out of PostgreSQL's range, so a cursor carrying one would fail in the database.
 */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Opaque to clients: they hand it back, they do not read it, so its form may change. */
export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.key])).toString('base64url');
}

/** Null for anything the listing did not hand out (wrong shape, impossible date, a key it never uses). */
export function decodeCursor(cursor: string, isKey: (key: string) => boolean): Position | null {
  if (cursor.length > MAX_CURSOR_LENGTH) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [createdAt, key] = value as unknown[];
    if (typeof createdAt !== 'string' || typeof key !== 'string' || !isKey(key)) return null;
    if (!ISO_INSTANT.test(createdAt)) return null;
    const date = new Date(createdAt);
    if (Number.isNaN(date.getTime()) || date.toISOString() !== createdAt) return null;
    return { createdAt: date, key };
  } catch {
    return null;
  }
}

/**
 * `first` and `after` as the contract allows them (first 1..100, after a cursor of this list).
 * Both are checked before either is refused, so the client hears of both at once; nothing is
 * read before this passes.
 */
export function parsePageArgs(
  first: number | null | undefined,
  after: string | null | undefined,
  isKey: (key: string) => boolean,
): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  const position = after === null || after === undefined ? null : decodeCursor(after, isKey);
  const errors: FieldError[] = [];
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    errors.push({ field: 'first', message: `First must be between 1 and ${MAX_PAGE_SIZE}` });
  }
  if (after !== null && after !== undefined && !position) {
    errors.push({ field: 'after', message: 'After must be a cursor from this list' });
  }
  if (errors.length > 0) throw new BadUserInputError(errors);
  return { first: size, after: position };
}

/**
 * A page from rows read with `limit: page.first + 1`: the extra row only says that another
 * page follows. Paging is forwards only, so a previous page exists exactly when the client
 * started after a cursor (rows are never deleted).
 */
export function toConnection<T>(rows: T[], page: PageRequest, positionOf: (row: T) => Position): Connection<T> {
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(positionOf(node)), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
