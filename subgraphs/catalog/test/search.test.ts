import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, signUpActor, type Actor } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';

const STUFFS = `query ($first: Int, $after: String, $filter: StuffFilter) {
  stuffs(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id title priceCents currency category availability } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;
const CREATE = `mutation ($input: CreateStuffInput!) { createStuff(input: $input) { id category } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateStuffInput!) { updateStuff(id: $id, input: $input) { id category version } }`;
const BUY = `mutation ($stuffId: ID!) { buyStuff(stuffId: $stuffId) { id } }`;
const CANCEL = `mutation ($id: ID!) { cancelOrder(id: $id) { id } }`;

interface Listed {
  id: string;
  title: string;
  priceCents: number;
  currency: string;
  category: string;
  availability: string;
}
interface Page {
  edges: Array<{ cursor: string; node: Listed }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

let system: TestSystem;
let seller: Actor;

beforeAll(async () => {
  // A short reservation window, so that a test can watch an order expire.
  system = await startTestSystem({ RESERVATION_WINDOW_SECONDS: '3' });
  seller = await signUpActor(system, 'seller');
});
afterAll(() => system?.close());

async function list(input: Record<string, unknown>): Promise<string> {
  const { body } = await system.graphql<{ createStuff: { id: string } }>(
    CREATE,
    { input: { title: 'Something', priceCents: 1000, ...input } },
    { token: seller.token },
  );
  if (!body.data) throw new Error(`createStuff failed: ${JSON.stringify(body.errors)}`);
  return body.data.createStuff.id;
}

async function search(filter: Record<string, unknown> | null, first = 100, after: string | null = null) {
  return system.graphql<{ stuffs: Page }>(STUFFS, { filter, first, after });
}

async function page(filter: Record<string, unknown> | null, first = 100, after: string | null = null): Promise<Page> {
  const { body } = await search(filter, first, after);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.stuffs;
}

async function ids(filter: Record<string, unknown> | null): Promise<string[]> {
  return (await page(filter)).edges.map((edge) => edge.node.id);
}

/** Every page of a filtered listing, `first` at a time, joined. */
async function walk(filter: Record<string, unknown>, first: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const current: Page = await page(filter, first, after);
    seen.push(...current.edges.map((edge) => edge.node.id));
    expect(current.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!current.pageInfo.hasNextPage) return seen;
    after = current.pageInfo.endCursor;
  }
}

function badInput(fields: Array<{ field: string; message: string }>) {
  return {
    data: null,
    errors: [{ message: 'Invalid input', path: ['stuffs'], extensions: { code: 'BAD_USER_INPUT', fields } }],
  };
}

describe('searching by words', () => {
  it('finds the words in title and description, best match first, ties newest first', async () => {
    const inDescription = await list({ title: 'Binder', description: 'Has my axolotl drawings inside' });
    const older = await list({ title: 'Axolotl plush' });
    const newer = await list({ title: 'Axolotl plush' });
    await list({ title: 'Unrelated lamp', description: 'Nothing to see' });
    // A word in the title ranks higher than one in the description; equal ranks go newest first.
    expect(await ids({ query: 'axolotl' })).toEqual([newer, older, inDescription]);
  });

  it('matches English word forms and takes what people type (quotes, or, minus)', async () => {
    const running = await list({ title: 'Quokka running shoes' });
    const runner = await list({ title: 'Quokka runner jacket', description: 'warm' });
    expect(new Set(await ids({ query: 'quokka runs' }))).toEqual(new Set([running]));
    expect(await ids({ query: 'quokka -shoes' })).toEqual([runner]);
    expect(new Set(await ids({ query: 'quokka shoes or warm' }))).toEqual(new Set([running, runner]));
    expect(await ids({ query: '"running shoes" quokka' })).toEqual([running]);
    // Nothing that could break the query language: a stray operator is just no match.
    expect(await ids({ query: '& | ! ( ) : *' })).toEqual([]);
  });

  it('refuses a query that is empty, blank or longer than 100 characters, naming filter.query', async () => {
    const message = 'Query must be between 1 and 100 characters';
    for (const query of ['', '   ', 'x'.repeat(101)]) {
      expect((await search({ query })).body).toEqual(badInput([{ field: 'filter.query', message }]));
    }
    expect((await page({ query: 'ü'.repeat(100) })).edges).toEqual([]);
  });
});

describe('filtering', () => {
  it('keeps to a price range, a currency and a category, each alone and all together', async () => {
    const cheap = await list({ title: 'Wombat mug', priceCents: 500, category: 'OTHER' });
    const mid = await list({ title: 'Wombat lamp', priceCents: 2500, category: 'FURNITURE' });
    const dear = await list({ title: 'Wombat sofa', priceCents: 90000, category: 'FURNITURE' });
    const euro = await list({ title: 'Wombat chair', priceCents: 2500, currency: 'EUR', category: 'FURNITURE' });

    const inRange = await page({ minPriceCents: 1000, maxPriceCents: 3000 });
    expect(inRange.edges.every(({ node }) => node.priceCents >= 1000 && node.priceCents <= 3000)).toBe(true);
    expect(inRange.edges.map((edge) => edge.node.id)).toEqual(expect.arrayContaining([euro, mid]));

    const inEuro = await page({ currency: 'eur' });
    expect(inEuro.edges.every(({ node }) => node.currency === 'eur')).toBe(true);
    expect(inEuro.edges.map((edge) => edge.node.id)).toContain(euro);

    const furniture = await page({ category: 'FURNITURE' });
    expect(furniture.edges.every(({ node }) => node.category === 'FURNITURE')).toBe(true);
    expect(furniture.edges.map((edge) => edge.node.id)).toEqual(expect.arrayContaining([euro, dear, mid]));

    expect(await ids({ query: 'wombat', category: 'FURNITURE', currency: 'USD', maxPriceCents: 3000 })).toEqual([mid]);
    expect(await ids({ query: 'wombat', minPriceCents: 500, maxPriceCents: 500 })).toEqual([cheap]);
    // An empty filter is no filter: the whole catalogue, newest first.
    expect(await ids({})).toEqual(await ids(null));
    expect(await ids({ availability: [] })).toEqual(await ids(null));
  });

  it('refuses a minimum above the maximum, a negative price and an unknown currency, all at once', async () => {
    expect((await search({ minPriceCents: 2000, maxPriceCents: 1999 })).body).toEqual(
      badInput([{ field: 'filter.minPriceCents', message: 'Minimum price must not be above the maximum price' }]),
    );
    expect((await search({ maxPriceCents: -1, currency: 'xyz', query: '' }, 0)).body).toEqual(
      badInput([
        { field: 'first', message: 'First must be between 1 and 100' },
        { field: 'filter.query', message: 'Query must be between 1 and 100 characters' },
        {
          field: 'filter.maxPriceCents',
          message: 'Maximum price must be a whole number of cents between 0 and 100000000',
        },
        { field: 'filter.currency', message: 'Currency must be a three-letter ISO-4217 code' },
      ]),
    );
    const { body } = await search({ category: 'WEAPONS' });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('paging within a filter', () => {
  it('gives every match exactly once, in rank order, whatever the page size', async () => {
    // Equal ranks in bursts (so only the time and the id order them) and different ranks.
    const created: string[] = [];
    for (let i = 0; i < 4; i++) {
      created.push(
        ...(await Promise.all([
          list({ title: 'Narwhal poster' }),
          list({ title: 'Narwhal narwhal mug', description: 'narwhal' }),
          list({ title: 'Tea pot', description: 'narwhal shaped' }),
        ])),
      );
    }
    const filter = { query: 'narwhal', availability: ['AVAILABLE'] };
    const all = await ids(filter);
    expect(new Set(all)).toEqual(new Set(created));
    for (const first of [1, 2, 5]) expect(await walk(filter, first)).toEqual(all);
    expect(await walk({ currency: 'usd', maxPriceCents: 1000 }, 7)).toEqual(
      await ids({ currency: 'usd', maxPriceCents: 1000 }),
    );
  });

  it('refuses a cursor from another filter or from the plain listing, and a plain cursor refuses one of a filter', async () => {
    await list({ title: 'Okapi socks' });
    await list({ title: 'Okapi hat' });
    const searched = await page({ query: 'okapi' }, 1);
    const plain = await page(null, 1);
    const other = { field: 'after', message: 'After must be a cursor from this list with this filter' };
    expect((await search({ query: 'okapis hat' }, 1, searched.pageInfo.endCursor)).body).toEqual(badInput([other]));
    expect((await search({ query: 'okapi', category: 'OTHER' }, 1, searched.pageInfo.endCursor)).body).toEqual(
      badInput([other]),
    );
    expect((await search({ query: 'okapi' }, 1, plain.pageInfo.endCursor)).body).toEqual(badInput([other]));
    expect((await search(null, 1, searched.pageInfo.endCursor)).body).toEqual(
      badInput([{ field: 'after', message: 'After must be a cursor from this list' }]),
    );
    // Anyone can forge a cursor of this filter; a rank no search gives is refused, not a failure.
    const [fingerprint, createdAt, id] = JSON.parse(Buffer.from(searched.pageInfo.endCursor!, 'base64url').toString());
    for (const rank of ['1e+99', '1e-99', '-1', 'NaN', '0.5; DROP TABLE stuffs', 1]) {
      const forged = Buffer.from(JSON.stringify([fingerprint, createdAt, id, rank])).toString('base64url');
      expect((await search({ query: 'okapi' }, 1, forged)).body).toEqual(badInput([other]));
    }
    const fair = Buffer.from(JSON.stringify([fingerprint, createdAt, id, '0.5'])).toString('base64url');
    expect((await search({ query: 'okapi' }, 1, fair)).body.errors).toBe(undefined);
    // The same filter written differently (case, spacing, order of the list) is the same filter.
    const next = await page({ query: ' okapi ', availability: ['AVAILABLE', 'AVAILABLE'] }, 1, null);
    expect(
      (await search({ query: 'okapi', availability: ['AVAILABLE'] }, 1, next.pageInfo.endCursor)).body.errors,
    ).toBe(undefined);
  });
});

/** SQL statements the catalog subgraph has run so far. */
async function catalogStatements(): Promise<number> {
  const text = await (await fetch(new URL('/metrics', system.subgraphs.catalog!.url))).text();
  return Number(/sql_statements_total\{[^}]*\} (\d+)/.exec(text)?.[1]);
}

describe('the cost of a search', () => {
  it('is one SQL statement in catalog for first: 1, 10 or 100, with every filter at once', async () => {
    for (let i = 0; i < 12; i++) await list({ title: `Pangolin poster ${i}`, category: 'OTHER', priceCents: 100 + i });
    const filter = {
      query: 'pangolin',
      availability: ['AVAILABLE'],
      category: 'OTHER',
      currency: 'usd',
      maxPriceCents: 5000,
    };
    for (const first of [1, 10, 100]) {
      const before = await catalogStatements();
      expect((await page(filter, first)).edges).toHaveLength(Math.min(first, 12));
      expect((await catalogStatements()) - before).toBe(1);
    }
  });
});

describe('availability follows the orders', () => {
  async function availabilityOf(stuffId: string, wanted: boolean, filter: Record<string, unknown>) {
    return eventually(
      async () => ((await ids(filter)).includes(stuffId) === wanted ? true : undefined),
      15_000,
      `${stuffId} ${wanted ? 'in' : 'out of'} ${JSON.stringify(filter)}`,
    );
  }

  it('leaves out a stuff while an order holds it, and takes it back when the order is cancelled or expires', async () => {
    const buyer = await signUpActor(system, 'buyer');
    const cancelled = await list({ title: 'Capybara lamp' });
    const expiring = await list({ title: 'Capybara rug' });
    const available = { query: 'capybara', availability: ['AVAILABLE'] };
    expect(new Set(await ids(available))).toEqual(new Set([cancelled, expiring]));

    const order = await system.graphql<{ buyStuff: { id: string } }>(
      BUY,
      { stuffId: cancelled },
      { token: buyer.token },
    );
    await availabilityOf(cancelled, false, available);
    expect(await ids({ query: 'capybara', availability: ['RESERVED'] })).toEqual([cancelled]);
    await system.graphql(CANCEL, { id: order.body.data!.buyStuff.id }, { token: buyer.token });
    await availabilityOf(cancelled, true, available);

    await system.graphql(BUY, { stuffId: expiring }, { token: buyer.token });
    await availabilityOf(expiring, false, available);
    // Nobody pays: the expiration worker cancels the order when its window ends.
    await availabilityOf(expiring, true, available);
    expect(await ids({ query: 'capybara', availability: ['RESERVED', 'SOLD'] })).toEqual([]);
  });
});

describe('categories', () => {
  it('are OTHER unless the seller says, can be changed, and narrow the listing', async () => {
    const plain = await list({ title: 'Ibex thing' });
    const ticket = await list({ title: 'Ibex concert', category: 'TICKETS' });
    const { body } = await system.graphql<{ updateStuff: { category: string; version: number } }>(
      UPDATE,
      { id: plain, input: { category: 'TEXTBOOKS' } },
      { token: seller.token },
    );
    expect(body.data?.updateStuff).toEqual({ id: plain, category: 'TEXTBOOKS', version: 1 });
    expect(await ids({ query: 'ibex', category: 'TICKETS' })).toEqual([ticket]);
    expect(await ids({ query: 'ibex', category: 'TEXTBOOKS' })).toEqual([plain]);
    expect(await ids({ query: 'ibex', category: 'OTHER' })).toEqual([]);
    const other = await list({ title: 'Ibex misc' });
    expect((await page({ query: 'ibex misc' })).edges[0]?.node).toMatchObject({ id: other, category: 'OTHER' });
  });
});
