/**
 * `npx tsx bench/profile-sale.ts [rounds]`: where the time of a BUY goes. Runs the system as
 * the bench does, then rounds of 400 BUYs on distinct stuff (50 at a time) and prints per
 * round: orders/s, CPU seconds by process (services, PostgreSQL, Redis, this load generator),
 * and per BUY the Redis commands and PostgreSQL transactions of each database. With
 * CPU_PROFILE_DIR set, every service also writes a V8 CPU profile there when it stops; the
 * round's window is printed for `bench/summarise-profile.ts <profile> 40 <from> <to>`.
 */
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startStripeStandIn } from '@stuffmart/test-kit';
import { benchUser, benchUsers } from './bench-actors.js';
import { startBenchSystem, type BenchSystem } from './bench-system.js';
import { cpuByProcess, cpuSince } from './cpu-by-process.js';
import { buyDistinctStuff, contentionBench, listStuffForDistinctBuys, quiesce } from './sale-bench.js';

const rounds = Number(process.argv[2] ?? 3);
const profileDir = process.env.CPU_PROFILE_DIR;
const preload = fileURLToPath(new URL('cpu-profile-preload.mjs', import.meta.url));

/** Calls of each Redis command, and transactions of each of this system's databases, so far. */
async function counts(system: BenchSystem, redis: Redis): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const [, name, calls] of (await redis.info('commandstats')).matchAll(/cmdstat_(\w+):calls=(\d+)/g)) {
    totals[`redis ${name}`] = Number(calls);
  }
  const client = new pg.Client(system.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string; transactions: string }>(
      `SELECT datname, xact_commit + xact_rollback AS transactions FROM pg_stat_database WHERE datname LIKE $1`,
      [`${system.env.STUFFMART_NAMESPACE}%`],
    );
    for (const row of rows) totals[`tx ${row.datname.split('_').pop()}`] = Number(row.transactions);
  } finally {
    await client.end();
  }
  return totals;
}

const stripe = await startStripeStandIn();
const system = await startBenchSystem(4900, {
  STRIPE_SECRET_KEY: stripe.secretKey,
  STRIPE_API_URL: stripe.url,
  RESERVATION_WINDOW_SECONDS: '600',
  ...(profileDir ? { NODE_OPTIONS: `--import ${preload}`, CPU_PROFILE_DIR: profileDir } : {}),
});
const redis = new Redis(system.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
try {
  const seller = await benchUser(system, 'seller');
  await contentionBench(system, seller, await benchUsers(system, 50, 'warmup'));
  for (let round = 1; round <= rounds; round++) {
    const buyers = await benchUsers(system, 200, `buyer-${round}`);
    const stuffIds = await listStuffForDistinctBuys(system, seller);
    await quiesce(system);
    const before = await counts(system, redis);
    const cpu = cpuByProcess();
    const from = process.hrtime.bigint() / 1000n;
    const { ordersPerSecond } = await buyDistinctStuff(system, stuffIds, buyers);
    const to = process.hrtime.bigint() / 1000n;
    await quiesce(system);
    const after = await counts(system, redis);
    const perBuy = Object.keys(after)
      .map((key): [string, number] => [key, (after[key]! - (before[key] ?? 0)) / stuffIds.length])
      .filter(([, value]) => value >= 0.05);
    console.log(`round ${round}: ${ordersPerSecond.toFixed(1)} orders/s (window ${from} ${to})`);
    console.log(
      `  CPU s (incl. the events' handling): ${cpuSince(cpu)
        .map(([name, s]) => `${name} ${s.toFixed(2)}`)
        .join(', ')}`,
    );
    console.log(`  per BUY: ${perBuy.map(([name, value]) => `${name} ${value.toFixed(2)}`).join(', ')}`);
  }
} finally {
  redis.disconnect();
  await system.stop();
  await stripe.close();
}
