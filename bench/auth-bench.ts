import { deriveInternalKey, INTERNAL_IDENTITY_HEADER, signInternalIdentity } from '@stuffmart/common';
import { postGraphQL } from '@stuffmart/test-kit';
import { benchUsers } from './bench-actors.js';
import { loadTest, percentile, type LoadResult, type Row } from './measure.js';
import type { BenchSystem } from './bench-system.js';
import { cpuByProcess, cpuSince } from './cpu-by-process.js';

const ME = JSON.stringify({ query: '{ me { id email } }' });

/** Issue 2: what the gateway costs over calling the auth subgraph directly, and what scrypt costs. */
export async function authBench(system: BenchSystem): Promise<Row[]> {
  const email = `bench-${Date.now()}@example.com`;
  const signUp = await postGraphQL<any>(
    system.gatewayUrl,
    `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken user { id email role } } }`,
    { input: { email, password: 'benchmark password', displayName: 'Bench' } },
  );
  const { accessToken, user } = signUp.body.data.signUp;
  const voucher = signInternalIdentity(deriveInternalKey(system.env.JWT_KEY!), {
    user: { userId: user.id, email: user.email, role: user.role, sessionId: '00000000-0000-4000-8000-000000000000' },
    clientIp: '127.0.0.1',
  });

  const load = { body: ME, connections: 50, seconds: 10 };
  await loadTest({ ...load, url: system.gatewayUrl, headers: { authorization: `Bearer ${accessToken}` }, seconds: 2 }); // warm-up
  const gateway = await loadTest({
    ...load,
    url: system.gatewayUrl,
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const direct = await loadTest({
    ...load,
    url: system.subgraphUrls.auth!,
    headers: { [INTERNAL_IDENTITY_HEADER]: voucher },
  });

  // The gateway shares identical queries in flight for one caller (subgraph-data-source.ts), so
  // 50 connections of one token measure that sharing as much as the gateway's own cost. Its
  // overhead alone: each request from the next of 50 callers, directly with each one's voucher.
  const callers = await benchUsers(system, 50, 'caller');
  const vouchers = callers.map((caller) =>
    signInternalIdentity(deriveInternalKey(system.env.JWT_KEY!), {
      user: {
        userId: caller.id,
        email: 'caller@bench.test',
        role: 'USER',
        sessionId: '00000000-0000-4000-8000-000000000000',
      },
      clientIp: '127.0.0.1',
    }),
  );
  await loadTest({
    ...load,
    url: system.gatewayUrl,
    seconds: 2,
    headersFor: (n) => ({ authorization: `Bearer ${callers[n % 50]!.token}` }),
  });
  // The machine's speed drifts with its neighbours (here by up to twice within minutes), so the
  // two take turns, three rounds of 5 s each, as the Hive comparison does, and are summed.
  const rounds: Record<'gateway' | 'direct', Measured[]> = { gateway: [], direct: [] };
  for (let round = 0; round < 3; round++) {
    rounds.gateway.push(
      await withCpu(() =>
        loadTest({
          ...load,
          seconds: 5,
          url: system.gatewayUrl,
          headersFor: (n) => ({ authorization: `Bearer ${callers[n % 50]!.token}` }),
        }),
      ),
    );
    rounds.direct.push(
      await withCpu(() =>
        loadTest({
          ...load,
          seconds: 5,
          url: system.subgraphUrls.auth!,
          headersFor: (n) => ({ [INTERNAL_IDENTITY_HEADER]: vouchers[n % 50]! }),
        }),
      ),
    );
  }
  const gatewayMany = summed(rounds.gateway);
  const directMany = summed(rounds.direct);

  const signInTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await postGraphQL(system.gatewayUrl, `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
      input: { email, password: 'benchmark password' },
    });
    signInTimes.push(performance.now() - started);
  }

  const fmt = (n: number) => n.toFixed(1);
  return [
    { benchmark: '{ me { id email } } via gateway, 50 conns', figure: 'req/s', value: fmt(gateway.requestsPerSecond) },
    {
      benchmark: '{ me { id email } } via gateway, 50 conns',
      figure: 'p50 / p95 ms',
      value: `${fmt(gateway.p50)} / ${fmt(gateway.p95)}`,
    },
    {
      benchmark: '{ me { id email } } direct to auth, 50 conns',
      figure: 'req/s',
      value: fmt(direct.requestsPerSecond),
    },
    {
      benchmark: '{ me { id email } } direct to auth, 50 conns',
      figure: 'p50 / p95 ms',
      value: `${fmt(direct.p50)} / ${fmt(direct.p95)}`,
    },
    {
      benchmark: 'gateway / direct throughput, one caller (its queries shared)',
      figure: 'ratio',
      value: `${fmt((100 * gateway.requestsPerSecond) / direct.requestsPerSecond)}%`,
      results: { gateway_direct_ratio_one_caller: gateway.requestsPerSecond / direct.requestsPerSecond },
    },
    {
      benchmark: '{ me { id email } } via gateway, 50 callers in turn, 50 conns, 3 x 5 s',
      figure: 'req/s; p50 / p95 ms',
      value: `${fmt(gatewayMany.requestsPerSecond)}; ${fmt(gatewayMany.p50)} / ${fmt(gatewayMany.p95)}`,
    },
    {
      benchmark: '{ me { id email } } direct to auth, 50 callers in turn, 50 conns, 3 x 5 s',
      figure: 'req/s; p50 / p95 ms',
      value: `${fmt(directMany.requestsPerSecond)}; ${fmt(directMany.p50)} / ${fmt(directMany.p95)}`,
    },
    {
      benchmark: 'gateway / direct throughput, 50 callers (target >= 60%)',
      figure: 'ratio',
      value: `${fmt((100 * gatewayMany.requestsPerSecond) / directMany.requestsPerSecond)}%`,
      results: { gateway_direct_ratio: gatewayMany.requestsPerSecond / directMany.requestsPerSecond },
    },
    {
      benchmark: 'CPU per request, 50 callers, by process: via gateway / direct',
      figure: 'ms',
      value: `${cpuPerRequest(gatewayMany)} / ${cpuPerRequest(directMany)}`,
    },
    {
      benchmark: 'errors during the four loads',
      figure: 'count',
      value: String(gateway.errors + direct.errors + gatewayMany.errors + directMany.errors),
    },
    {
      benchmark: 'signIn (scrypt N=2^17, r=8, p=1), sequential x20',
      figure: 'p50 / p95 ms',
      value: `${fmt(percentile(signInTimes, 50))} / ${fmt(percentile(signInTimes, 95))}`,
    },
  ];
}

type Measured = LoadResult & { cpu: Map<string, number>; seconds: number };

/**
 * A load and the CPU every process spent meanwhile: what each part of serving a request costs,
 * the load generator included. On saturated cores the ratio of two loads' totals is the ratio
 * of their throughputs; where one process is the bottleneck (auth alone, directly), less.
 */
async function withCpu(load: () => Promise<LoadResult>): Promise<Measured> {
  const before = cpuByProcess();
  const started = performance.now();
  const result = await load();
  return { ...result, cpu: new Map(cpuSince(before)), seconds: (performance.now() - started) / 1000 };
}

/** Rounds of one load as one: their requests, time, latencies, errors and CPU added up. */
function summed(rounds: Measured[]): Measured {
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  const requests = rounds.reduce((sum, round) => sum + round.requestsPerSecond * round.seconds, 0);
  const latencies = rounds.flatMap((round) => round.latencies);
  const cpu = new Map<string, number>();
  for (const round of rounds) for (const [label, used] of round.cpu) cpu.set(label, (cpu.get(label) ?? 0) + used);
  return {
    requestsPerSecond: requests / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    latencies,
    cpu,
    seconds,
  };
}

/** CPU ms per request, all processes, then each process that took 2% or more of it. */
function cpuPerRequest(load: Measured): string {
  const requests = load.requestsPerSecond * load.seconds;
  const ms = (seconds: number) => ((1000 * seconds) / requests).toFixed(3);
  const byProcess = [...load.cpu].sort((a, b) => b[1] - a[1]);
  const total = byProcess.reduce((sum, [, seconds]) => sum + seconds, 0);
  const parts = byProcess.filter(([, seconds]) => seconds / total >= 0.02);
  return `${ms(total)} (${parts.map(([label, seconds]) => `${label} ${ms(seconds)}`).join(', ')})`;
}
