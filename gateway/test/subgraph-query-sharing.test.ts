import { listStuff, signUpActor, type Actor } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../test/system/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PAGE = '{ stuffs(first: 20) { nodes { title seller { displayName } } } }';

/** SQL statements the catalog has run so far. */
async function catalogStatements(system: TestSystem): Promise<number> {
  const text = await (await fetch(system.metricsUrls.catalog!)).text();
  return Number(/^stuffmart_sql_statements_total\{[^}]*\} (\d+)$/m.exec(text)?.[1]);
}

describe('identical queries in flight share one subgraph call', () => {
  let system: TestSystem;
  let sellers: Actor[];
  beforeAll(async () => {
    system = await startTestSystem();
    sellers = await Promise.all([1, 2, 3].map((n) => signUpActor(system, `seller${n}`)));
    for (const [index, seller] of sellers.entries()) await listStuff(system, seller, { title: `Lamp ${index}` });
  });
  afterAll(() => system?.close());

  it('answers every one of many identical queries in full, with fewer catalog statements than queries', async () => {
    const alone = await system.graphql(PAGE);
    const before = await catalogStatements(system);
    const answers = await Promise.all(Array.from({ length: 50 }, () => system.graphql(PAGE)));
    const statements = (await catalogStatements(system)) - before;
    for (const answer of answers) expect(answer.body).toEqual(alone.body);
    // 50 sent at once: all but the first find one of theirs in flight (one page, one statement).
    expect(statements).toBeLessThan(50);
  });

  it('never shares between callers: each one’s private fields stay its own', async () => {
    const answers = await Promise.all(
      sellers.flatMap((seller) =>
        [1, 2, 3].map(async () => ({
          seller,
          body: (await system.graphql<{ me: { email: string } }>('{ me { email } }', {}, { token: seller.token })).body,
        })),
      ),
    );
    for (const { seller, body } of answers) expect(body.data?.me.email).toBe(seller.email);
  });

  it('never shares a mutation: identical ones sent at once each run', async () => {
    const [seller] = sellers;
    const created = await Promise.all(
      Array.from({ length: 10 }, () =>
        system.graphql<{ createStuff: { id: string } }>(
          `mutation { createStuff(input: { title: "Same chair", priceCents: 900 }) { id } }`,
          {},
          { token: seller!.token },
        ),
      ),
    );
    expect(new Set(created.map(({ body }) => body.data?.createStuff.id)).size).toBe(10);
  });
});
