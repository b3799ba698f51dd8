import { postGraphQL } from '@stuffmart/test-kit';
import { benchStuff, benchUser } from './bench-actors.js';
import type { BenchSystem } from './bench-system.js';
import { loadTest, type Row } from './measure.js';
import { quiesce } from './sale-bench.js';

const fmt = (n: number) => n.toFixed(1);

const listing = (first: number) => `{ stuffs(first: ${first}) { nodes { seller { email } availability } } }`;

/**
 * Issue 15, target 4: a page of 50 stuffs with each seller (auth) and availability (orders), as
 * a stranger asks for it (every email hidden), and that its statements do not grow with `first`.
 */
export async function listingBench(system: BenchSystem): Promise<Row[]> {
  const probe = await postGraphQL<any>(system.gatewayUrl, listing(50));
  if ((probe.body.data?.stuffs?.nodes?.length ?? 0) < 50) {
    const sellers = await Promise.all([1, 2, 3, 4, 5].map((n) => benchUser(system, `lister-${n}`)));
    for (let i = 0; i < 50; i++) await benchStuff(system, sellers[i % sellers.length]!);
  }
  const rows: Row[] = [];
  const label = `${listing(50).slice(2, -2)}, 50 conns`;
  await quiesce(system);
  await loadTest({ url: system.gatewayUrl, body: JSON.stringify({ query: listing(50) }), connections: 50, seconds: 2 });
  await quiesce(system);
  const before = await system.metrics();
  const seconds = 10;
  const load = await loadTest({
    url: system.gatewayUrl,
    body: JSON.stringify({ query: listing(50) }),
    connections: 50,
    seconds,
  });
  const after = await system.metrics();
  const perRequest =
    ((after.sql_statements_total ?? 0) - (before.sql_statements_total ?? 0)) / (load.requestsPerSecond * seconds);
  rows.push({
    benchmark: label,
    figure: 'req/s',
    value: fmt(load.requestsPerSecond),
    results: { listing_50_req_per_s: load.requestsPerSecond, listing_50_p95_ms: load.p95 },
  });
  rows.push({ benchmark: label, figure: 'p50 / p95 ms', value: `${fmt(load.p50)} / ${fmt(load.p95)}` });
  rows.push({
    benchmark: label,
    figure: 'SQL statements/request under that load (identical queries in flight shared)',
    value: fmt(perRequest),
  });
  rows.push({ benchmark: label, figure: 'errors', value: String(load.errors) });
  // What one request costs the databases on its own: one connection, so nothing is shared.
  for (const first of [1, 10, 50]) {
    await quiesce(system);
    const m0 = await system.metrics();
    const run = await loadTest({
      url: system.gatewayUrl,
      body: JSON.stringify({ query: listing(first) }),
      connections: 1,
      seconds: 2,
    });
    const m1 = await system.metrics();
    const statements = ((m1.sql_statements_total ?? 0) - (m0.sql_statements_total ?? 0)) / (run.requestsPerSecond * 2);
    rows.push({
      benchmark: `stuffs(first: ${first}) same selection, one at a time`,
      figure: 'SQL statements/request',
      value: fmt(statements),
      ...(first === 50 && { results: { listing_sql_per_request: statements } }),
    });
  }
  return rows;
}
