import { createHash } from 'node:crypto';
import { isUuid } from '@stuffmart/common';
import type { StuffSearch } from './parse-stuff-filter.js';

/**
 * Where a filtered page starts: after the stuff created at `createdAt` with id `id`, and, for a
 * word search, ranked `rank` (PostgreSQL's own text for the real it computed, so that it
 * compares equal when handed back).
 */
export interface SearchPosition {
  rank: string | null;
  createdAt: Date;
  id: string;
}

const MAX_CURSOR_LENGTH = 256;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** What PostgreSQL prints for a non-negative real: 0.0607927, 1e-20. */
const RANK = /^(0|[1-9]\d{0,5})(\.\d{1,20})?(e[+-]\d{1,2})?$/;

/**
 * Well inside what a real holds, so that a forged rank (anyone can compute a fingerprint) is
 * refused here, never an overflow or underflow error in the database. ts_rank stays within.
 */
function isRank(text: unknown): text is string {
  if (typeof text !== 'string' || !RANK.test(text)) return false;
  const value = Number(text);
  return value === 0 || (value >= 1e-30 && value <= 1e30);
}

/**
 * A cursor names the filter it came from: handed to a listing with another filter it would
 * point into a different order, so it is refused rather than followed to a wrong page.
 */
export function filterFingerprint(search: StuffSearch): string {
  const canonical = JSON.stringify([
    search.query ?? null,
    search.availability ?? null,
    search.minPriceCents ?? null,
    search.maxPriceCents ?? null,
    search.currency ?? null,
    search.category ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

/** Opaque to clients, as every cursor: they hand it back, they do not read it. */
export function encodeSearchCursor(fingerprint: string, position: SearchPosition): string {
  const value = [fingerprint, position.createdAt.toISOString(), position.id, position.rank];
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Null for anything this filter's listing did not hand out. */
export function decodeSearchCursor(cursor: string, search: StuffSearch): SearchPosition | null {
  if (cursor.length > MAX_CURSOR_LENGTH) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 4) return null;
    const [fingerprint, createdAt, id, rank] = value as unknown[];
    if (fingerprint !== filterFingerprint(search)) return null;
    if (typeof createdAt !== 'string' || !ISO_INSTANT.test(createdAt)) return null;
    const date = new Date(createdAt);
    if (Number.isNaN(date.getTime()) || date.toISOString() !== createdAt) return null;
    if (typeof id !== 'string' || !isUuid(id)) return null;
    // A word search orders by rank first, so its cursors carry one; other filters never do.
    const ranked = search.query !== undefined;
    if (ranked ? !isRank(rank) : rank !== null) return null;
    return { rank: ranked ? (rank as string) : null, createdAt: date, id };
  } catch {
    return null;
  }
}
