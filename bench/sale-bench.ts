import { postGraphQL } from '@stuffmart/test-kit';
import { benchBuy, benchStuff, benchUser, benchUsers, type BenchActor } from './bench-actors.js';
import type { BenchSystem } from './bench-system.js';
import { cpuByProcess, cpuSince } from './cpu-by-process.js';
import { percentile, type Row } from './measure.js';

const fmt = (n: number) => n.toFixed(1);

/**
 * Waits (30 s at most) until the services' own work on the buys just made is done, so the
 * statements counted next are the requests'. What stays are the timers' few statements a
 * second (expiry sweep, refund worker): a rounding error against thousands of requests.
 */
export async function quiesce(system: BenchSystem): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = (await system.metrics()).sql_statements_total ?? 0;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = (await system.metrics()).sql_statements_total ?? 0;
    if (now - last <= 10) return;
    last = now;
  }
}

/** Issue 3: contention and buy throughput (a page of stuff is listing-bench.ts's). */
export async function saleBench(system: BenchSystem): Promise<Row[]> {
  const seller = await benchUser(system, 'seller');
  const buyers = await benchUsers(system, 200, 'buyer');
  return [...(await contentionBench(system, seller, buyers)), ...(await buyThroughputBench(system, seller, buyers))];
}

/** 50, then 200 buyers press BUY on one stuff at once: how long until every one has its answer. */
export async function contentionBench(system: BenchSystem, seller: BenchActor, buyers: BenchActor[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const count of [50, 200]) {
    const stuffId = await benchStuff(system, seller);
    await benchBuy(system, seller, stuffId); // the seller is refused; this warms every path first
    const started = performance.now();
    const results = await Promise.all(buyers.slice(0, count).map((buyer) => benchBuy(system, buyer, stuffId)));
    const elapsed = performance.now() - started;
    const winners = results.filter((result) => result.body.data?.buyStuff).length;
    const reserved = results.filter((result) => result.body.errors?.[0]?.extensions?.code === 'STUFF_RESERVED').length;
    rows.push({
      benchmark: `contention: ${count} buyers, one stuff`,
      figure: 'all answered in ms',
      value: fmt(elapsed),
      results: { [`contention_${count}_all_answered_ms`]: elapsed },
    });
    rows.push({
      benchmark: `contention: ${count} buyers, one stuff`,
      figure: 'winners / STUFF_RESERVED',
      value: `${winners} / ${reserved}`,
      results: { [`contention_${count}_winners`]: winners },
    });
  }
  return rows;
}

/** 50 buyers at a time, each pressing BUY on stuff nobody else wants: orders per second. */
export async function buyThroughputBench(
  system: BenchSystem,
  seller: BenchActor,
  buyers: BenchActor[],
): Promise<Row[]> {
  // A system just started runs its BUY path and the consumers of order.created cold (V8 has
  // compiled little of them yet): a warm-up wave of 100 BUYs first, by buyers of its own (each
  // buyer may hold 3 orders), as the gateway comparison warms up before it measures.
  const warmUpBuyers = await benchUsers(system, 50, 'warmup');
  await buyDistinctStuff(system, await listStuffForDistinctBuys(system, seller, 2), warmUpBuyers);
  const stuffIds = await listStuffForDistinctBuys(system, seller);
  // The listings' events (catalog's stuff.created reaching orders, search, payments) are the
  // listing's work, not the BUYs': the clock starts once the services are quiet again.
  await quiesce(system);
  const before = cpuByProcess();
  const ordersPerSecond = await buyDistinctStuff(system, stuffIds, buyers);
  // The services' work on these orders (their events' consumers) is counted too.
  await quiesce(system);
  const perOrder = cpuSince(before)
    .slice(0, 8)
    .map(([process, seconds]) => `${process} ${((seconds * 1000) / stuffIds.length).toFixed(2)}`);
  return [
    {
      benchmark: 'buy throughput: 50 buyers, distinct stuff',
      figure: 'orders/s',
      value: fmt(ordersPerSecond),
      results: { distinct_buys_per_s: ordersPerSecond },
    },
    {
      benchmark: 'buy throughput: CPU ms per order, by process (incl. its events)',
      figure: 'ms',
      value: perOrder.join(', '),
    },
  ];
}

/** 50 stuffs a wave (400 by default), listed before the clock starts. */
export async function listStuffForDistinctBuys(system: BenchSystem, seller: BenchActor, waves = 8): Promise<string[]> {
  const stuffIds: string[] = [];
  for (let wave = 0; wave < waves; wave++) {
    stuffIds.push(...(await Promise.all(Array.from({ length: 50 }, () => benchStuff(system, seller)))));
  }
  return stuffIds;
}

/** 50 callers at a time buy the given stuffs, one BUY each; returns orders per second. */
export async function buyDistinctStuff(system: BenchSystem, stuffIds: string[], buyers: BenchActor[]): Promise<number> {
  const started = performance.now();
  let next = 0;
  let ordered = 0;
  // 50 at a time, spread over the 200 buyers: two orders each, plus a contention win above,
  // stays within MAX_ACTIVE_ORDERS_PER_BUYER (3), so every BUY can succeed.
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < stuffIds.length) {
        const index = next++;
        const buyer = buyers[index % buyers.length]!;
        if ((await benchBuy(system, buyer, stuffIds[index]!)).body.data?.buyStuff) ordered += 1;
      }
    }),
  );
  return ordered / ((performance.now() - started) / 1000);
}

/** How long after expiresAt an unpaid order reads CANCELLED (window of the system: 2 s). */
export async function expiryBench(system: BenchSystem): Promise<Row[]> {
  const seller = await benchUser(system, 'seller');
  const buyers = await benchUsers(system, 20, 'late');
  const lags = await Promise.all(
    buyers.map(async (buyer) => {
      const stuffId = await benchStuff(system, seller);
      const { body } = await benchBuy(system, buyer, stuffId);
      const { id, expiresAt } = body.data.buyStuff;
      for (;;) {
        const read = await postGraphQL<any>(
          system.gatewayUrl,
          `query ($id: ID!) { order(id: $id) { status } }`,
          { id },
          { token: buyer.token },
        );
        if (read.body.data.order.status === 'CANCELLED') return Date.now() - new Date(expiresAt).getTime();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }),
  );
  return [
    {
      benchmark: 'expiry lag: expiresAt to CANCELLED, 20 orders',
      figure: 'p50 / p95 ms',
      value: `${fmt(percentile(lags, 50))} / ${fmt(percentile(lags, 95))}`,
    },
  ];
}
