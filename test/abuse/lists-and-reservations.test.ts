import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseName } from '@stuffmart/common';
import {
  eventually,
  GOOD_CARD,
  listStuff,
  signUpActor,
  startStripeStandIn,
  type Actor,
  type StripeStandIn,
} from '@stuffmart/test-kit';
import { signUpAdmin, startTestSystem, type TestSystem } from '../system/index.js';
import { PAY, stripeEnv } from '../../subgraphs/payments/test/support/sale.js';

const BUY = `mutation ($stuffId: ID!) { buyStuff(stuffId: $stuffId) { id } }`;
const CANCEL = `mutation ($id: ID!) { cancelOrder(id: $id) { id status } }`;
const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const TOO_MANY = {
  message: 'You are holding too many reservations: pay or cancel one first',
  path: ['buyStuff'],
  extensions: { code: 'TOO_MANY_RESERVATIONS' },
};

let stripe: StripeStandIn;
let system: TestSystem;
let seller: Actor;
beforeAll(async () => {
  stripe = await startStripeStandIn();
  system = await startTestSystem({ ...stripeEnv(stripe) });
  seller = await signUpActor(system, 'seller');
});
afterAll(async () => {
  await system?.close();
  await stripe?.close();
});

/** A query straight to the orders database, whatever the API says. */
async function queryOrders(target: TestSystem, text: string, values: unknown[]): Promise<any[]> {
  const url = new URL(target.env.DATABASE_URL!);
  url.pathname = `/${databaseName(target.env.STUFFMART_NAMESPACE!, 'orders')}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

const orderRowsOf = (target: TestSystem, buyerId: string): Promise<Array<{ status: string }>> =>
  queryOrders(target, 'SELECT status FROM orders WHERE buyer_id = $1', [buyerId]);

/** Until orders has heard of every one of these stuffs, so that BUYs of them race only each other. */
async function untilOrdersKnows(target: TestSystem, stuffIds: string[]): Promise<void> {
  await eventually(async () => {
    const rows = await queryOrders(target, 'SELECT id FROM stuff_copies WHERE id = ANY($1::uuid[])', [stuffIds]);
    return rows.length === stuffIds.length ? true : undefined;
  });
}

async function buy(target: TestSystem, buyer: Actor, stuffId: string) {
  return target.graphql<any>(BUY, { stuffId }, { token: buyer.token });
}

async function mustBuy(target: TestSystem, buyer: Actor, stuffId: string): Promise<string> {
  const { body } = await buy(target, buyer, stuffId);
  if (!body.data) throw new Error(`buyStuff failed: ${JSON.stringify(body.errors)}`);
  return body.data.buyStuff.id;
}

const badInput = (path: string, field: string, message: string) => [
  { message: 'Invalid input', path: [path], extensions: { code: 'BAD_USER_INPUT', fields: [{ field, message }] } },
];
const FIRST_OUT_OF_RANGE = 'First must be between 1 and 100';
const NOT_A_CURSOR = 'After must be a cursor from this list';

/** Pages of 2 from the start to the end of a list, as a client following endCursor would. */
async function walk(read: (after: string | null) => Promise<any>): Promise<any[]> {
  const pages = [];
  let after: string | null = null;
  do {
    const page = await read(after);
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after && pages.length < 20);
  return pages;
}

function expectWellFormedWalk(pages: any[], key: (node: any) => string, expected: string[]) {
  expect(pages.flatMap((page) => page.nodes.map(key))).toEqual(expected);
  for (const [index, page] of pages.entries()) {
    expect(page.pageInfo).toEqual({
      hasNextPage: index < pages.length - 1,
      hasPreviousPage: index > 0,
      startCursor: page.edges[0]?.cursor ?? null,
      endCursor: page.edges.at(-1)?.cursor ?? null,
    });
    expect(page.edges.map((edge: any) => key(edge.node))).toEqual(page.nodes.map(key));
  }
}

describe('myOrders as a connection', () => {
  const MY_ORDERS = `query ($first: Int, $after: String) {
    myOrders(first: $first, after: $after) { edges { cursor node { id } } nodes { id } ${PAGE_INFO} }
  }`;

  it('pages a buyer’s orders newest first, 2 at a time, without overlap or gap', async () => {
    const buyer = await signUpActor(system, 'pager');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await mustBuy(system, buyer, await listStuff(system, seller));
      await system.graphql(CANCEL, { id }, { token: buyer.token });
      ids.unshift(id);
    }
    const pages = await walk(async (after) => {
      const { body } = await system.graphql<any>(MY_ORDERS, { first: 2, after }, { token: buyer.token });
      return body.data.myOrders;
    });
    expect(pages).toHaveLength(3);
    expectWellFormedWalk(pages, (node) => node.id, ids);
  });

  it('refuses first outside 1..100 and a forged cursor with BAD_USER_INPUT, before reading anything', async () => {
    const buyer = await signUpActor(system, 'prober');
    for (const first of [0, -5, 101, 100_000]) {
      const { body } = await system.graphql(MY_ORDERS, { first }, { token: buyer.token });
      expect(body.errors).toEqual(badInput('myOrders', 'first', FIRST_OUT_OF_RANGE));
    }
    const forged = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', "1' OR '1'='1"])).toString('base64url');
    const ancient = Buffer.from(
      JSON.stringify(['-271821-04-20T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
    ).toString('base64url');
    for (const after of ['', 'garbage', forged, ancient, 'x'.repeat(5000)]) {
      const { body } = await system.graphql(MY_ORDERS, { after }, { token: buyer.token });
      expect(body.errors).toEqual(badInput('myOrders', 'after', NOT_A_CURSOR));
    }
  });
});

describe('coupons as a connection', () => {
  const COUPONS = `query ($first: Int, $after: String) {
    coupons(first: $first, after: $after) { edges { cursor node { code } } nodes { code } ${PAGE_INFO} }
  }`;

  it('pages every coupon newest first, 2 at a time, and refuses bad paging arguments', async () => {
    const admin = await signUpAdmin(system);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { body } = await system.graphql<any>(
        `mutation { createCoupon(input: { percentOff: 10 }) { code } }`,
        {},
        { token: admin.token },
      );
      codes.unshift(body.data.createCoupon.code);
    }
    const pages = await walk(async (after) => {
      const { body } = await system.graphql<any>(COUPONS, { first: 2, after }, { token: admin.token });
      return body.data.coupons;
    });
    expectWellFormedWalk(pages, (node) => node.code, codes);

    const { body: tooMany } = await system.graphql(COUPONS, { first: 101 }, { token: admin.token });
    expect(tooMany.errors).toEqual(badInput('coupons', 'first', FIRST_OUT_OF_RANGE));
    // A cursor of another list (its key is an id, not a code) is no cursor of this one.
    const { body: stuffs } = await system.graphql<any>(`{ stuffs(first: 1) { pageInfo { endCursor } } }`);
    for (const after of [stuffs.data.stuffs.pageInfo.endCursor, 'garbage']) {
      const { body } = await system.graphql(COUPONS, { after }, { token: admin.token });
      expect(body.errors).toEqual(badInput('coupons', 'after', NOT_A_CURSOR));
    }
  });
});

describe('the reservation limit (MAX_ACTIVE_ORDERS_PER_BUYER, 3 by default)', () => {
  it('lets exactly 3 of 10 simultaneous BUYs of distinct stuff by one buyer through, and stores no other order', async () => {
    const hoarder = await signUpActor(system, 'hoarder');
    const stuffIds = await Promise.all(Array.from({ length: 10 }, () => listStuff(system, seller)));
    await untilOrdersKnows(system, stuffIds);
    const results = await Promise.all(stuffIds.map((stuffId) => buy(system, hoarder, stuffId)));
    expect(results.filter((result) => result.body.data?.buyStuff)).toHaveLength(3);
    const refused = results.filter((result) => result.body.errors);
    expect(refused).toHaveLength(7);
    for (const result of refused) expect(result.body).toEqual({ data: null, errors: [TOO_MANY] });
    expect(await orderRowsOf(system, hoarder.id)).toHaveLength(3);
    // The refused stuffs stay free for everyone else.
    const other = await signUpActor(system, 'other');
    const refusedStuff = stuffIds[results.findIndex((result) => result.body.errors)]!;
    expect((await buy(system, other, refusedStuff)).body.data?.buyStuff).toBeTruthy();
  });

  it('frees a place when one of the held orders is cancelled or paid', async () => {
    const buyer = await signUpActor(system, 'juggler');
    const held = [];
    for (let i = 0; i < 3; i++) held.push(await mustBuy(system, buyer, await listStuff(system, seller)));
    const next = await listStuff(system, seller);
    expect((await buy(system, buyer, next)).body.errors).toEqual([TOO_MANY]);

    await system.graphql(CANCEL, { id: held[0] }, { token: buyer.token });
    await mustBuy(system, buyer, next);
    const later = await listStuff(system, seller);
    expect((await buy(system, buyer, later)).body.errors).toEqual([TOO_MANY]);

    const paid = await system.graphql<any>(
      PAY,
      { orderId: held[1], paymentMethodId: GOOD_CARD },
      { token: buyer.token },
    );
    expect(paid.body.data?.payOrder?.status).toBe('SUCCEEDED');
    await eventually(async () => ((await buy(system, buyer, later)).body.data?.buyStuff ? true : undefined));
    const rows = await orderRowsOf(system, buyer.id);
    expect(rows.filter((row) => row.status === 'AWAITING_PAYMENT')).toHaveLength(3);
    expect(rows).toHaveLength(5);
  });
});

describe('the reservation limit with a short reservation window', () => {
  let quick: TestSystem;
  beforeAll(async () => {
    quick = await startTestSystem({ RESERVATION_WINDOW_SECONDS: '2', MAX_ACTIVE_ORDERS_PER_BUYER: '2' });
  });
  afterAll(() => quick?.close());

  it('follows MAX_ACTIVE_ORDERS_PER_BUYER, and frees the places once the held orders expire', async () => {
    const owner = await signUpActor(quick, 'seller');
    const buyer = await signUpActor(quick, 'patient');
    for (let i = 0; i < 2; i++) await mustBuy(quick, buyer, await listStuff(quick, owner));
    const third = await listStuff(quick, owner);
    expect((await buy(quick, buyer, third)).body.errors).toEqual([TOO_MANY]);
    const ordered = await eventually(
      async () => (await buy(quick, buyer, third)).body.data?.buyStuff?.id as string | undefined,
      10_000,
      'the held orders to expire',
    );
    expect(ordered).toBeTruthy();
  });
});
