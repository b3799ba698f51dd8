import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../errors/custom-error.js';
import { decodeCursor, encodeCursor, parsePageArgs, toConnection, type Position } from './pagination.js';

const isDigits = (key: string) => /^\d+$/.test(key);
const at = (iso: string, key: string): Position => ({ createdAt: new Date(iso), key });

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fields;
    throw error;
  }
  throw new Error('not refused');
}

describe('cursors', () => {
  it('give back the position they were made from', () => {
    const position = at('2026-11-29T18:00:00.123Z', '42');
    expect(decodeCursor(encodeCursor(position), isDigits)).toEqual(position);
  });

  it.each([
    ['garbage', 'garbage'],
    ['empty', ''],
    ['a key the list never uses', encodeCursor(at('2026-11-29T18:00:00.123Z', 'abc'))],
    ['an impossible date', Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000Z', '1'])).toString('base64url')],
    ['a date in another form', Buffer.from(JSON.stringify(['2026-11-29', '1'])).toString('base64url')],
    [
      'a date beyond what the database holds',
      Buffer.from(JSON.stringify(['-271821-04-20T00:00:00.000Z', '1'])).toString('base64url'),
    ],
    ['three parts', Buffer.from(JSON.stringify(['2026-11-29T18:00:00.123Z', '1', '2'])).toString('base64url')],
    ['far too long', 'A'.repeat(10_000)],
  ])('are not made of %s', (_name, cursor) => {
    expect(decodeCursor(cursor, isDigits)).toBeNull();
  });
});

describe('page arguments', () => {
  it('default to 20 from the start', () => {
    expect(parsePageArgs(undefined, undefined, isDigits)).toEqual({ first: 20, after: null });
    expect(parsePageArgs(null, null, isDigits)).toEqual({ first: 20, after: null });
  });

  it.each([0, -1, 101, 1.5, Number.NaN])('refuse first: %s', (first) => {
    expect(refusal(() => parsePageArgs(first, null, isDigits))).toEqual([
      { field: 'first', message: 'First must be between 1 and 100' },
    ]);
  });

  it('name both arguments when both are wrong', () => {
    expect(refusal(() => parsePageArgs(500, 'nonsense', isDigits))).toEqual([
      { field: 'first', message: 'First must be between 1 and 100' },
      { field: 'after', message: 'After must be a cursor from this list' },
    ]);
  });
});

describe('a connection from rows read with one extra', () => {
  const rows = ['3', '2', '1'].map((key) => ({ key, createdAt: new Date('2026-11-29T18:00:00.000Z') }));
  const positionOf = (row: (typeof rows)[number]) => row;

  it('says a next page follows when the extra row came, and drops it', () => {
    const page = toConnection(rows, { first: 2, after: null }, positionOf);
    expect(page.nodes).toEqual(rows.slice(0, 2));
    expect(page.edges.map((edge) => edge.cursor)).toEqual(rows.slice(0, 2).map(encodeCursor));
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor(rows[0]!),
      endCursor: encodeCursor(rows[1]!),
    });
  });

  it('says a previous page exists after a cursor, and gives no cursors for an empty page', () => {
    const page = toConnection([], { first: 2, after: rows[2]! }, positionOf);
    expect(page).toEqual({
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });
});
