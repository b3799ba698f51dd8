import { postGraphQL } from '@stuffmart/test-kit';
import { benchUser } from './bench-actors.js';
import type { BenchSystem } from './bench-system.js';
import { loadTest, type Row } from './measure.js';
import { quiesce } from './sale-bench.js';

const fmt = (n: number) => n.toFixed(1);

const WORDS = ['calculus', 'organic', 'chemistry', 'physics', 'history', 'concert', 'lamp', 'bike', 'jacket', 'laptop'];
const CATEGORIES = ['NOTES', 'TEXTBOOKS', 'TICKETS', 'ELECTRONICS', 'FURNITURE', 'CLOTHING', 'SPORTS', 'OTHER'];

/** Words, availability, category and a price cap together: the storefront's fullest search. */
const FILTER = { query: 'calculus notes', availability: ['AVAILABLE'], maxPriceCents: 5000 };
const SEARCH = `query ($first: Int, $filter: StuffFilter) {
  stuffs(first: $first, filter: $filter) { nodes { title priceCents seller { displayName } availability } }
}`;

/** Issue 13: what a filtered search costs, and that its statements do not grow with `first`. */
export async function searchBench(system: BenchSystem): Promise<Row[]> {
  const seller = await benchUser(system, 'searcher');
  // 1000 stuffs, a tenth of them matching, so the ranking has something to sort.
  for (let wave = 0; wave < 20; wave++) {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const n = wave * 50 + i;
        const title = `${WORDS[n % WORDS.length]} ${n % 3 === 0 ? 'notes' : 'set'} ${n}`;
        return postGraphQL<any>(
          system.gatewayUrl,
          `mutation ($input: CreateStuffInput!) { createStuff(input: $input) { id } }`,
          {
            input: {
              title,
              description: `${WORDS[(n * 7) % WORDS.length]} for the search benchmark`,
              priceCents: 100 + ((n * 37) % 9900),
              category: CATEGORIES[n % CATEGORIES.length],
            },
          },
          { token: seller.token },
        );
      }),
    );
  }

  const rows: Row[] = [];
  const label = 'stuffs(first: 50, filter: {query, availability, maxPriceCents}) {seller availability}, 50 conns';
  const body = JSON.stringify({ query: SEARCH, variables: { first: 50, filter: FILTER } });
  const probe = await postGraphQL<any>(system.gatewayUrl, SEARCH, { first: 50, filter: FILTER });
  const found = probe.body.data.stuffs.nodes.length;
  await quiesce(system);
  const load = await loadTest({ url: system.gatewayUrl, body, connections: 50, seconds: 10 });
  rows.push({ benchmark: label, figure: 'req/s', value: fmt(load.requestsPerSecond) });
  rows.push({ benchmark: label, figure: 'p50 / p95 ms', value: `${fmt(load.p50)} / ${fmt(load.p95)}` });
  rows.push({ benchmark: label, figure: 'errors', value: String(load.errors) });
  for (const first of [1, 10, 50]) {
    const small = JSON.stringify({ query: SEARCH, variables: { first, filter: FILTER } });
    await quiesce(system);
    const m0 = await system.metrics();
    // One connection, so no identical query is in flight to share a subgraph call with.
    const run = await loadTest({ url: system.gatewayUrl, body: small, connections: 1, seconds: 2 });
    const m1 = await system.metrics();
    const perRequest = ((m1.sql_statements_total ?? 0) - (m0.sql_statements_total ?? 0)) / (run.requestsPerSecond * 2);
    rows.push({
      benchmark: `filtered search, first: ${first} (${Math.min(first, found)} nodes)`,
      figure: 'SQL statements/request',
      value: fmt(perRequest),
    });
  }
  return rows;
}
