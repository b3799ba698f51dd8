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

/** Rounds of the distinct-stuff load after the warm-up round; the figure is their median. */
const BUY_ROUNDS = 3;

/** 50 buyers at a time, each pressing BUY on stuff nobody else wants: orders per second. */
export async function buyThroughputBench(
  system: BenchSystem,
  seller: BenchActor,
  buyers: BenchActor[],
): Promise<Row[]> {
  // A system just started runs its BUY path and its events' consumers cold: V8 compiles them
  // over the first rounds (a round of 400 BUYs gave 152, 220 and then 275 orders/s in a row).
  // A whole round first, not counted, as the gateway comparison warms up before it measures.
  // One round lasts about two seconds, and the host's speed drifts by more than any change we
  // measure within minutes: then three rounds, the median reported, each beside it.
  const rates: number[] = [];
  const cpuSeconds = new Map<string, number>();
  let ordered = 0;
  for (let round = 0; round <= BUY_ROUNDS; round++) {
    const stuffIds = await listStuffForDistinctBuys(system, seller);
    // The listings' events (catalog's stuff.created reaching orders, search, payments) are the
    // listing's work, not the BUYs': the clock starts once the services are quiet again.
    await quiesce(system);
    const before = cpuByProcess();
    const { ordersPerSecond, orders } = await buyDistinctStuff(system, stuffIds, buyers);
    // The services' work on these orders (their events' consumers) is counted too.
    await quiesce(system);
    if (round > 0) {
      for (const [process, seconds] of cpuSince(before)) {
        cpuSeconds.set(process, (cpuSeconds.get(process) ?? 0) + seconds);
      }
      rates.push(ordersPerSecond);
      ordered += stuffIds.length;
    }
    // Each buyer may hold 3 orders: the round's are cancelled, and their events settle, before the next.
    await cancelOrders(system, orders);
    await quiesce(system);
  }
  const perOrder = [...cpuSeconds]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([process, seconds]) => `${process} ${((seconds * 1000) / ordered).toFixed(2)}`);
  const median = percentile(rates, 50);
  return [
    {
      benchmark: `buy throughput: 50 buyers, distinct stuff, median of ${BUY_ROUNDS} rounds of 400`,
      figure: 'orders/s (each round)',
      value: `${fmt(median)} (${rates.map(fmt).join(', ')})`,
      results: { distinct_buys_per_s: median },
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

/** An order a BUY made, and who made it. */
export interface BoughtOrder {
  buyer: BenchActor;
  orderId: string;
}

/** 50 callers at a time buy the given stuffs, one BUY each: orders per second, and the orders. */
export async function buyDistinctStuff(
  system: BenchSystem,
  stuffIds: string[],
  buyers: BenchActor[],
): Promise<{ ordersPerSecond: number; orders: BoughtOrder[] }> {
  const started = performance.now();
  const orders: BoughtOrder[] = [];
  // Spread over the 200 buyers: two orders each, plus a contention win above, stays within
  // MAX_ACTIVE_ORDERS_PER_BUYER (3), so every BUY can succeed.
  await fiftyAtATime(stuffIds, async (stuffId, index) => {
    const buyer = buyers[index % buyers.length]!;
    const order = (await benchBuy(system, buyer, stuffId)).body.data?.buyStuff;
    if (order) orders.push({ buyer, orderId: order.id });
  });
  return { ordersPerSecond: orders.length / ((performance.now() - started) / 1000), orders };
}

/** Each buyer cancels the given orders, 50 at a time, so they may buy again. */
export async function cancelOrders(system: BenchSystem, orders: BoughtOrder[]): Promise<void> {
  await fiftyAtATime(orders, async ({ buyer, orderId }) => {
    const { body } = await postGraphQL<any>(
      system.gatewayUrl,
      `mutation ($id: ID!) { cancelOrder(id: $id) { status } }`,
      { id: orderId },
      { token: buyer.token },
    );
    if (body.data?.cancelOrder?.status !== 'CANCELLED') throw new Error(`cancelOrder: ${JSON.stringify(body)}`);
  });
}

/** Works through the items with 50 callers, each taking the next as soon as it is done. */
async function fiftyAtATime<T>(items: T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
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
