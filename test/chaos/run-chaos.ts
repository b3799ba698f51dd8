import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { adminCommandConfigSchema, changeRole } from '@stuffmart/auth';
import { loadConfig } from '@stuffmart/common';
import { dropNamespace, startTcpProxy, testEnv } from '@stuffmart/test-kit';
import { Supervisor } from '../../scripts/launch.js';
import { descendants, isAlive } from '../launcher/process-tree.js';
import { checkInvariants, type Answer, type Check } from './invariants.js';
import { startOwnRedis } from './own-redis.js';
import {
  RECOVERY_BOUND_MS,
  formatScenarios,
  recoveryChecks,
  scenarioRows,
  type Heard,
  type Scenario,
  type ScenarioRow,
} from './scenarios.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SUBGRAPHS = ['auth', 'catalog', 'orders', 'payments'];
const RETRIED = new Set([
  'PROCESSING',
  'SERVICE_UNAVAILABLE',
  'NETWORK',
  'DATABASE_CONNECTION_ERROR',
  'INTERNAL_SERVER_ERROR',
]);

export interface ChaosOptions {
  /** Buyer loops running at once. */
  buyers: number;
  /** Services SIGKILLed one after another. */
  kill: string[];
  killPauseMs: number;
  restartRedis: boolean;
  /** How long the database is cut off (0: not at all). */
  cutDatabaseMs: number;
  log: (line: string) => void;
}

export interface ChaosReport {
  checks: Check[];
  scenarios: ScenarioRow[];
  outcomes: Record<string, number>;
  orders: number;
}

/**
 * The real system as `npm start` runs it (one supervised process per service), on a Redis of
 * its own and behind a proxy to PostgreSQL, with buyers buying and paying (100% coupon) in a
 * loop while services are SIGKILLed in turn, Redis is killed and restarted and the database
 * is cut off; then, once it has settled, what must hold is checked from the databases and
 * the answers given, and the whole is stopped with nothing left running.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const { log } = options;
  const redis = await startOwnRedis();
  const proxy = await startTcpProxy(DATABASE_URL);
  // Below Linux's ephemeral range (32768 and up) with the metrics ports (+5000) too, so no
  // outgoing connection of a test running beside this one can hold a port the system needs.
  const base = 20000 + Math.floor(Math.random() * 400) * 10;
  const admin = `admin-${randomBytes(4).toString('hex')}@chaos.test`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...testEnv({
      REDIS_URL: redis.url,
      DATABASE_URL: proxy.wrap(DATABASE_URL),
      LOG_LEVEL: 'fatal',
      SHUTDOWN_GRACE_MS: '200',
      RESERVATION_WINDOW_SECONDS: '4',
      PAYMENT_HOLD_SECONDS: '8',
      SIGN_UP_MAX_PER_ADDRESS: '100000',
      // The probe's unpaid orders (payOrder refused in a fault) must not hold up its next cycle.
      MAX_ACTIVE_ORDERS_PER_BUYER: '1000',
    }),
    GATEWAY_PORT: String(base),
    ...Object.fromEntries(SUBGRAPHS.map((name, i) => [`${name.toUpperCase()}_PORT`, String(base + 1 + i)])),
    EXPIRATION_PORT: String(base + 5),
    SUBGRAPH_URLS: SUBGRAPHS.map((name, i) => `${name}=http://127.0.0.1:${base + 1 + i}/graphql`).join(','),
  };
  const namespace = env.STUFFMART_NAMESPACE!;
  const url = `http://127.0.0.1:${base}/graphql`;
  const supervisor = new Supervisor(env, { without: ['client'], log, initialBackoffMs: 200 });
  const answers: Answer[] = [];
  const heard: Heard[] = [];
  const scenarios: Scenario[] = [];
  /** When each probe cycle that succeeded started and ended. */
  const cycles: { startedAt: number; endedAt: number }[] = [];
  let stopLoops = false;
  try {
    await supervisor.start();
    const call = async (query: string, variables: Record<string, unknown>, token?: string) => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(15_000),
        });
        return (await response.json()) as any;
      } catch {
        return { errors: [{ extensions: { code: 'NETWORK' } }] };
      }
    };
    /** A buyer's call: its answer is heard (and counted in the scenario it falls in). */
    const ask = async (
      operation: Heard['operation'],
      query: string,
      variables: Record<string, unknown>,
      token: string,
    ) => {
      const body = await call(query, variables, token);
      const data = body.data?.[operation];
      const code = data
        ? operation === 'payOrder'
          ? (data.status as string)
          : 'OK'
        : (body.errors?.[0]?.extensions?.code ?? 'UNKNOWN');
      heard.push({ at: Date.now(), operation, code });
      return { data, code };
    };
    const PASSWORD = 'correct horse battery';
    // Each setup step is tried for a minute, then fails the run with the last answer's errors:
    // a system that never lets anyone sign up fails the run, not hangs it, and says why.
    const setUp = async (
      what: string,
      field: string,
      query: string,
      variables: Record<string, unknown>,
      token?: string,
    ) => {
      let body: any;
      for (let tries = 0; tries < 120; tries++) {
        body = await call(query, variables, token);
        if (body.data?.[field]) return body.data[field];
        await sleep(500);
      }
      throw new Error(`chaos: could not ${what}: ${JSON.stringify(body?.errors)}`);
    };
    const signUp = async (email: string) =>
      (
        await setUp('sign up', 'signUp', `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
          input: { email, password: PASSWORD, displayName: email.split('@')[0] },
        })
      ).accessToken as string;
    // The admin as an operator makes one (`npm run admin -- grant`); signing in again carries the role.
    await signUp(admin);
    await changeRole(loadConfig(adminCommandConfigSchema, { ...env, DATABASE_URL }), admin, 'ADMIN');
    const adminToken = (
      await setUp(
        'sign in the admin',
        'signIn',
        `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
        {
          input: { email: admin, password: PASSWORD },
        },
      )
    ).accessToken as string;
    const coupon = (
      await setUp(
        'create the coupon',
        'createCoupon',
        `mutation { createCoupon(input: { percentOff: 100, maxRedemptions: 1000000 }) { code } }`,
        {},
        adminToken,
      )
    ).code as string;
    const seller = await signUp(`seller-${randomBytes(4).toString('hex')}@chaos.test`);

    const list = () =>
      ask('createStuff', `mutation { createStuff(input: { title: "Lamp", priceCents: 900 }) { id } }`, {}, seller);
    const buy = (stuffId: string, token: string) =>
      ask('buyStuff', `mutation ($id: ID!) { buyStuff(stuffId: $id) { id } }`, { id: stuffId }, token);
    const pay = (orderId: string, token: string) =>
      ask(
        'payOrder',
        `mutation ($id: ID!, $code: String) { payOrder(orderId: $id, couponCode: $code) { id status } }`,
        { id: orderId, code: coupon },
        token,
      );

    // The probe measures recovery: one cycle after another — list, buy, pay at once — each
    // starting over from a new listing at the first answer that is not a success.
    const probe = async () => {
      const token = await signUp(`probe-${randomBytes(4).toString('hex')}@chaos.test`);
      while (!stopLoops) {
        const startedAt = Date.now();
        const stuffId = (await list()).data?.id as string | undefined;
        const orderId = stuffId && ((await buy(stuffId, token)).data?.id as string | undefined);
        if (orderId) {
          const outcome = (await pay(orderId, token)).code;
          answers.push({ orderId, outcome });
          if (outcome === 'SUCCEEDED') {
            cycles.push({ startedAt, endedAt: Date.now() });
            continue;
          }
        }
        await sleep(200);
      }
    };
    /** A new scenario ends the one before (its window of answers). */
    const begin = (name: string): Scenario => {
      const scenario: Scenario = { name, faultAt: Date.now() };
      const previous = scenarios.at(-1);
      if (previous) previous.endsAt = scenario.faultAt;
      scenarios.push(scenario);
      return scenario;
    };
    /** Waits for the first successful probe cycle started after the fault (a little past the bound at most). */
    const recovery = async (scenario: Scenario) => {
      while (Date.now() < scenario.faultAt + RECOVERY_BOUND_MS + 5000) {
        const cycle = cycles.find((c) => c.startedAt >= scenario.faultAt);
        if (cycle) {
          scenario.recoveredInMs = cycle.endedAt - scenario.faultAt;
          return;
        }
        await sleep(100);
      }
    };

    const buyer = async (index: number) => {
      const token = await signUp(`buyer${index}-${randomBytes(4).toString('hex')}@chaos.test`);
      while (!stopLoops) {
        const stuffId = (await list()).data?.id;
        if (!stuffId) {
          await sleep(300);
          continue;
        }
        let orderId: string | undefined;
        for (let tries = 0; tries < 10 && !orderId && !stopLoops; tries++) {
          orderId = (await buy(stuffId, token)).data?.id;
          if (!orderId) await sleep(300);
        }
        if (!orderId) continue;
        // Some pay at once, some around the expiry (4 s), so payments and expiries cross.
        await sleep(Math.random() < 0.5 ? 0 : 3000 + Math.random() * 1500);
        for (let tries = 0; tries < 4; tries++) {
          const outcome = (await pay(orderId, token)).code;
          answers.push({ orderId, outcome });
          if (!RETRIED.has(outcome)) break;
          await sleep(1000);
        }
      }
    };
    const loops = [...Array.from({ length: options.buyers }, (_, i) => buyer(i)), probe()];

    // Each fault comes once the one before has been recovered from (or given up on), so that
    // every recovery time is that fault's alone.
    await sleep(3000);
    for (const name of options.kill) {
      const pid = supervisor.pidOf(name);
      if (!pid) continue;
      log(`chaos: SIGKILL ${name} (pid ${pid})`);
      const scenario = begin(`SIGKILL ${name}`);
      process.kill(pid, 'SIGKILL');
      await sleep(options.killPauseMs);
      await recovery(scenario);
    }
    if (options.restartRedis) {
      log('chaos: Redis killed, back in 2 s');
      const scenario = begin('Redis killed, back after 2 s');
      await redis.restart(2000);
      await sleep(options.killPauseMs);
      await recovery(scenario);
    }
    if (options.cutDatabaseMs > 0) {
      log(`chaos: database cut off for ${options.cutDatabaseMs} ms`);
      const scenario = begin(`database cut off ${options.cutDatabaseMs / 1000} s`);
      await proxy.cut();
      await sleep(options.cutDatabaseMs);
      await proxy.resume();
      await sleep(options.killPauseMs);
      await recovery(scenario);
    }
    stopLoops = true;
    await Promise.all(loops);
    const last = scenarios.at(-1);
    if (last) last.endsAt = Date.now();

    // Settled when every check holds; the holds and reservations run out within 12 s.
    const deadline = Date.now() + 60_000;
    let checks: Check[];
    for (;;) {
      checks = await checkInvariants({ databaseUrl: DATABASE_URL, redisUrl: redis.url, namespace, answers });
      if (checks.every((c) => c.ok) || Date.now() > deadline) break;
      await sleep(2000);
    }
    checks.push(...recoveryChecks(scenarios));
    const services = descendants(process.pid).filter((proc) => proc.cmdline.includes('/src/main.ts'));
    // The final SIGTERM with a client still listing: what it hears while the services drain.
    let stopped = false;
    const lister = (async () => {
      while (!stopped) {
        await list();
        await sleep(100);
      }
    })();
    await sleep(300);
    log('chaos: SIGTERM to every service');
    const stop = begin('SIGTERM to every service');
    await supervisor.stop();
    stop.stoppedInMs = Date.now() - stop.faultAt;
    stopped = true;
    await lister;
    stop.endsAt = Date.now();
    const left = services.filter((proc) => isAlive(proc.pid));
    checks.push({
      invariant: 'SIGTERM stops everything: no service left running',
      ok: left.length === 0,
      detail: left.length === 0 ? `${services.length} processes ended` : left.map((proc) => proc.cmdline).join('; '),
    });
    const outcomes: Record<string, number> = {};
    for (const answer of answers) outcomes[answer.outcome] = (outcomes[answer.outcome] ?? 0) + 1;
    return {
      checks,
      scenarios: scenarioRows(scenarios, heard),
      outcomes,
      orders: new Set(answers.map((answer) => answer.orderId)).size,
    };
  } finally {
    stopLoops = true;
    await supervisor.stop();
    await dropNamespace(DATABASE_URL, redis.url, namespace).catch(() => undefined);
    await redis.stop();
    await proxy.cut();
  }
}

export function formatReport(report: ChaosReport): string {
  const rows = report.checks.map((c) => `| ${c.ok ? 'ok  ' : 'FAIL'} | ${c.invariant} | ${c.detail} |`);
  const outcomes = Object.entries(report.outcomes)
    .map(([outcome, count]) => `${outcome} ${count}`)
    .join(', ');
  return [
    formatScenarios(report.scenarios),
    '',
    '| result | invariant | detail |',
    '| ------ | --------- | ------ |',
    ...rows,
    '',
    `${report.orders} orders placed; payOrder answers overall: ${outcomes}`,
  ].join('\n');
}
