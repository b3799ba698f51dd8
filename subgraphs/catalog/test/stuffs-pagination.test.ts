import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { listStuff } from './support/stuffs.js';
import { signUp, type TestUser } from './support/users.js';

const PAGE = `query ($first: Int, $after: String) {
  stuffs(first: $first, after: $after) { edges { cursor node { id createdAt } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
}`;
const TOTAL = 23;

interface Page {
  edges: Array<{ cursor: string; node: { id: string; createdAt: string } }>;
  nodes: Array<{ id: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

let system: TestSystem;
let seller: TestUser;
/** Every stuff in the order the listing must give: newest first, ties by id, descending. */
let all: Array<{ id: string; createdAt: string }>;

async function page(variables: Record<string, unknown>): Promise<Page> {
  const { body } = await system.graphql<{ stuffs: Page }>(PAGE, variables);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.stuffs;
}

async function walk(first: number): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | null = null;
  do {
    const current: Page = await page({ first, after });
    pages.push(current);
    after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
  } while (after);
  return pages;
}

function badInput(fields: Array<{ field: string; message: string }>) {
  return {
    data: null,
    errors: [{ message: 'Invalid input', path: ['stuffs'], extensions: { code: 'BAD_USER_INPUT', fields } }],
  };
}

beforeAll(async () => {
  system = await startTestSystem();
  seller = await signUp(system, 'pager@example.com');
  // Created in bursts, so that several share a millisecond and only the id can order them.
  for (let burst = 0; burst < TOTAL; burst += 8) {
    await Promise.all(
      Array.from({ length: Math.min(8, TOTAL - burst) }, (_, i) =>
        listStuff(system, seller, { title: `Item ${burst + i}` }),
      ),
    );
  }
  const { body } = await system.graphql<any>(`{ stuffs(first: 100) { nodes { id createdAt } } }`);
  all = body.data.stuffs.nodes;
});
afterAll(() => system?.close());

const descending = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
const byNewestThenId = (a: { id: string; createdAt: string }, b: { id: string; createdAt: string }) =>
  descending(a.createdAt, b.createdAt) || descending(a.id, b.id);

describe('browsing stuffs page by page', () => {
  it('lists every stuff once, newest first, ties broken by id', () => {
    expect(all).toHaveLength(TOTAL);
    expect([...all].sort(byNewestThenId)).toEqual(all);
  });

  it('gives 20 by default and says a next page follows', async () => {
    const first = await page({});
    expect(first.nodes).toEqual(all.slice(0, 20).map(({ id }) => ({ id })));
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0]!.cursor,
      endCursor: first.edges[19]!.cursor,
    });
  });

  for (const size of [1, 3, 7, 23]) {
    it(`walks pages of ${size} without overlap or gap, in the same order`, async () => {
      const pages = await walk(size);
      expect(pages).toHaveLength(Math.ceil(TOTAL / size));
      expect(pages.flatMap((p) => p.nodes.map(({ id }) => id))).toEqual(all.map(({ id }) => id));
      for (const [index, current] of pages.entries()) {
        expect(current.edges.map((edge) => edge.node.id)).toEqual(current.nodes.map(({ id }) => id));
        expect(current.pageInfo.startCursor).toBe(current.edges[0]!.cursor);
        expect(current.pageInfo.endCursor).toBe(current.edges.at(-1)!.cursor);
        expect(current.pageInfo.hasNextPage).toBe(index < pages.length - 1);
        expect(current.pageInfo.hasPreviousPage).toBe(index > 0);
      }
    });
  }

  it('answers after the last stuff with an empty page, no next page and no cursors', async () => {
    const [last] = (await page({ first: 100 })).edges.slice(-1);
    expect(await page({ first: 5, after: last!.cursor })).toEqual({
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it('neither repeats nor skips when stuff is listed between two pages', async () => {
    const first = await page({ first: 5 });
    const newer = await listStuff(system, seller, { title: 'Listed while paging' });
    const second = await page({ first: 5, after: first.pageInfo.endCursor });
    expect(second.nodes).toEqual(all.slice(5, 10).map(({ id }) => ({ id })));
    expect(second.nodes).not.toContainEqual({ id: newer.id });
    expect((await page({ first: 1 })).nodes).toEqual([{ id: newer.id }]);
  });

  for (const first of [0, -1, 101]) {
    it(`refuses first: ${first} with BAD_USER_INPUT naming field first`, async () => {
      const { body } = await system.graphql(PAGE, { first });
      expect(body).toEqual(badInput([{ field: 'first', message: 'First must be between 1 and 100' }]));
    });
  }

  it('accepts first: 100', async () => {
    expect((await page({ first: 100 })).nodes.length).toBeGreaterThanOrEqual(TOTAL);
  });

  const cursors: Array<[string, string]> = [
    ['gibberish', 'not a cursor'],
    ['an empty string', ''],
    ['base64 of something else', Buffer.from('{"id":1}').toString('base64url')],
    ['a very long string', 'A'.repeat(100_000)],
    [
      'a cursor whose id is an injection attempt',
      Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', "' OR 1=1 --"])).toString('base64url'),
    ],
    [
      'a cursor with a malformed id',
      Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'nope'])).toString('base64url'),
    ],
    [
      'a cursor with an impossible date',
      Buffer.from(JSON.stringify(['2026-13-45T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])).toString(
        'base64url',
      ),
    ],
  ];
  for (const [name, after] of cursors) {
    it(`refuses ${name} as cursor with BAD_USER_INPUT naming field after`, async () => {
      const { body } = await system.graphql(PAGE, { first: 5, after });
      expect(body).toEqual(badInput([{ field: 'after', message: 'After must be a cursor from this list' }]));
    });
  }

  it('names both arguments when both are wrong', async () => {
    const { body } = await system.graphql(PAGE, { first: 101, after: 'nonsense' });
    expect(body).toEqual(
      badInput([
        { field: 'first', message: 'First must be between 1 and 100' },
        { field: 'after', message: 'After must be a cursor from this list' },
      ]),
    );
  });
});
