import { isUuid } from '@stuffmart/common';
import type { StuffRow } from '../data-access/catalog-database.js';
import type { StuffPosition } from '../data-access/stuffs.js';

/** Opaque to clients: they hand it back, they do not read it, so its form may change. */
export function encodeStuffCursor(stuff: Pick<StuffRow, 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([stuff.createdAt.toISOString(), stuff.id])).toString('base64url');
}

/** Null for anything this listing did not hand out. */
export function decodeStuffCursor(cursor: string): StuffPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [createdAt, id] = value as unknown[];
    if (typeof createdAt !== 'string' || typeof id !== 'string' || !isUuid(id)) return null;
    const date = new Date(createdAt);
    if (Number.isNaN(date.getTime()) || date.toISOString() !== createdAt) return null;
    return { createdAt: date, id };
  } catch {
    return null;
  }
}
