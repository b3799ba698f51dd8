import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { listStuff } from './support/stuffs.js';
import { signUp, type TestUser } from './support/users.js';

let system: TestSystem;
let alice: TestUser;
let bob: TestUser;
let newbie: TestUser;
const titlesOf = (connection: { nodes: Array<{ title: string }> }) => connection.nodes.map((stuff) => stuff.title);

beforeAll(async () => {
  system = await startTestSystem();
  alice = await signUp(system, 'alice@example.com');
  bob = await signUp(system, 'bob@example.com');
  newbie = await signUp(system, 'newbie@example.com');
  // One at a time, so that "newest first" has one right answer.
  for (const title of ['Alice 1', 'Alice 2', 'Alice 3']) await listStuff(system, alice, { title });
  for (const title of ['Bob 1', 'Bob 2']) await listStuff(system, bob, { title });
});
afterAll(() => system?.close());

const USER_PAGE = `query ($id: ID!, $first: Int, $after: String) {
  user(id: $id) { displayName stuffs(first: $first, after: $after) {
    edges { cursor node { title } } nodes { title seller { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } }
}`;

/** SQL statements the catalog subgraph has run so far. */
async function catalogStatements(): Promise<number> {
  const text = await (await fetch(new URL('/metrics', system.subgraphs.catalog!.url))).text();
  return Number(/sql_statements_total\{[^}]*\} (\d+)/.exec(text)?.[1]);
}

describe("a user's stuffs", () => {
  it('lists what user(id) sells as a connection, newest first, and nothing of anyone else', async () => {
    const { body } = await system.graphql<any>(USER_PAGE, { id: alice.id });
    expect(body.errors).toBeUndefined();
    expect(body.data.user.displayName).toBe('alice');
    const stuffs = body.data.user.stuffs;
    expect(titlesOf(stuffs)).toEqual(['Alice 3', 'Alice 2', 'Alice 1']);
    expect(stuffs.edges.map((edge: any) => edge.node.title)).toEqual(['Alice 3', 'Alice 2', 'Alice 1']);
    expect(stuffs.nodes.every((stuff: any) => stuff.seller.id === alice.id)).toBe(true);
    expect(stuffs.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: stuffs.edges[0].cursor,
      endCursor: stuffs.edges[2].cursor,
    });
  });

  it('pages through them with first and after, without overlap or gap', async () => {
    const first = await system.graphql<any>(USER_PAGE, { id: alice.id, first: 2 });
    expect(titlesOf(first.body.data.user.stuffs)).toEqual(['Alice 3', 'Alice 2']);
    expect(first.body.data.user.stuffs.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const after = first.body.data.user.stuffs.pageInfo.endCursor;
    const second = await system.graphql<any>(USER_PAGE, { id: alice.id, first: 2, after });
    expect(titlesOf(second.body.data.user.stuffs)).toEqual(['Alice 1']);
    expect(second.body.data.user.stuffs.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('lists what the signed-in user sells under me', async () => {
    const { body } = await system.graphql<any>(`{ me { stuffs { nodes { title } } } }`, {}, { token: bob.token });
    expect(body).toEqual({ data: { me: { stuffs: { nodes: [{ title: 'Bob 2' }, { title: 'Bob 1' }] } } } });
  });

  it('gives an empty connection, not null, to a user who sells nothing', async () => {
    const { body } = await system.graphql<any>(
      `{ me { stuffs { nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`,
      {},
      { token: newbie.token },
    );
    expect(body).toEqual({
      data: {
        me: {
          stuffs: {
            nodes: [],
            pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
          },
        },
      },
    });
  });

  for (const first of [0, 101]) {
    it(`refuses first: ${first} with BAD_USER_INPUT naming field first`, async () => {
      const { body } = await system.graphql<any>(USER_PAGE, { id: alice.id, first });
      expect(body.errors).toEqual([
        {
          message: 'Invalid input',
          path: ['user', 'stuffs'],
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'first', message: 'First must be between 1 and 100' }],
          },
        },
      ]);
    });
  }

  it('refuses a forged cursor with BAD_USER_INPUT naming field after, never a database error', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', "x' OR 1=1 --"])).toString('base64url');
    for (const after of [forged, 'garbage', 'A'.repeat(10_000)]) {
      const { body } = await system.graphql<any>(USER_PAGE, { id: alice.id, after });
      expect(body.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'after', message: 'After must be a cursor from this list' }],
      });
    }
  });

  it("answers each seller's stuffs in one request across many stuffs, through both subgraphs", async () => {
    const { body } = await system.graphql<any>(
      `{ stuffs(first: 10) { nodes { title seller { displayName stuffs { nodes { title } } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    for (const node of body.data.stuffs.nodes) {
      const mine = node.seller.displayName === 'alice' ? ['Alice 3', 'Alice 2', 'Alice 1'] : ['Bob 2', 'Bob 1'];
      expect(titlesOf(node.seller.stuffs)).toEqual(mine);
      expect(mine).toContain(node.title);
    }
    expect(body.data.stuffs.nodes).toHaveLength(5);
  });

  it('runs as many SQL statements for first: 1 as for first: 100, whatever the number of sellers', async () => {
    const statementsFor = async (first: number) => {
      const before = await catalogStatements();
      const { body } = await system.graphql<any>(
        `query ($first: Int) { stuffs(first: 10) { nodes { seller { stuffs(first: $first) { nodes { id } } } } } }`,
        { first },
      );
      expect(body.errors).toBeUndefined();
      return (await catalogStatements()) - before;
    };
    const small = await statementsFor(1);
    expect(await statementsFor(100)).toBe(small);
    // the listing, the batch of sellers' pages (both sellers in one), and the stuffs' references
    expect(small).toBeLessThanOrEqual(3);
  });
});
