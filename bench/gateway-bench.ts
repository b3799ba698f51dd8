import { availableParallelism } from 'node:os';
import { postGraphQL } from '@stuffmart/test-kit';
import { benchStuff, benchUser } from './bench-actors.js';
import type { BenchSystem } from './bench-system.js';
import { startHiveGateway } from './hive-gateway.js';
import { loadTest, type LoadResult, type Row } from './measure.js';
import { quiesce } from './sale-bench.js';

const fmt = (n: number) => n.toFixed(1);

/** Crosses two subgraphs: catalog's page of stuff, then auth's sellers in one batched entity fetch. */
export const TWO_SUBGRAPHS = '{ stuffs(first: 20) { nodes { title priceCents seller { displayName } } } }';

/** The number of gateway processes the bench system runs (GATEWAY_WORKERS, default the cores). */
export function gatewayWorkers(system: BenchSystem): number {
  return Number(system.env.GATEWAY_WORKERS ?? availableParallelism());
}

const mean = (runs: LoadResult[], pick: (run: LoadResult) => number) =>
  runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;

/**
 * Issue 15: our gateway and Hive Gateway side by side on the same subgraphs, in the same run,
 * with as many processes each. The two take turns (three rounds of 5 s each), so a neighbour's
 * load on the shared machine falls on both alike.
 */
export async function hiveComparisonBench(system: BenchSystem, hivePort: number): Promise<Row[]> {
  const probe = await postGraphQL<any>(system.gatewayUrl, TWO_SUBGRAPHS);
  if ((probe.body.data?.stuffs?.nodes?.length ?? 0) < 20) {
    const seller = await benchUser(system, 'hive-seller');
    for (let i = 0; i < 20; i++) await benchStuff(system, seller);
  }
  const workers = gatewayWorkers(system);
  const hive = await startHiveGateway({ port: hivePort, subgraphUrls: system.subgraphUrls, workers });
  try {
    const theirs = await postGraphQL<any>(hive.url, TWO_SUBGRAPHS);
    const ours = await postGraphQL<any>(system.gatewayUrl, TWO_SUBGRAPHS);
    if (JSON.stringify(theirs.body) !== JSON.stringify(ours.body)) {
      throw new Error(`Hive Gateway answers differently: ${JSON.stringify(theirs.body).slice(0, 300)}`);
    }
    const body = JSON.stringify({ query: TWO_SUBGRAPHS });
    const load = { body, connections: 50, seconds: 5 };
    await quiesce(system);
    // Warm-up: each JIT, plan cache and connection pool filled before anything counts.
    await loadTest({ ...load, url: system.gatewayUrl, seconds: 2 });
    await loadTest({ ...load, url: hive.url, seconds: 2 });
    const oursRuns: LoadResult[] = [];
    const hiveRuns: LoadResult[] = [];
    // What each gateway asks of the subgraphs per request: SQL statements run behind it.
    const statements = { ours: 0, hive: 0 };
    const measured = async (who: 'ours' | 'hive', url: string) => {
      const before = (await system.metrics()).sql_statements_total ?? 0;
      const run = await loadTest({ ...load, url });
      statements[who] += ((await system.metrics()).sql_statements_total ?? 0) - before;
      return run;
    };
    for (let round = 0; round < 3; round++) {
      oursRuns.push(await measured('ours', system.gatewayUrl));
      hiveRuns.push(await measured('hive', hive.url));
    }
    const oursRps = mean(oursRuns, (run) => run.requestsPerSecond);
    const hiveRps = mean(hiveRuns, (run) => run.requestsPerSecond);
    const label = (who: string) => `${TWO_SUBGRAPHS.slice(2, 24)}… ${who}, ${workers} proc., 50 conns`;
    return [
      { benchmark: label('our gateway'), figure: 'req/s', value: fmt(oursRps) },
      {
        benchmark: label('our gateway'),
        figure: 'SQL statements/request',
        value: fmt(statements.ours / (oursRps * load.seconds * oursRuns.length)),
      },
      {
        benchmark: label('our gateway'),
        figure: 'p50 / p95 ms',
        value: `${fmt(mean(oursRuns, (run) => run.p50))} / ${fmt(mean(oursRuns, (run) => run.p95))}`,
      },
      { benchmark: label(`Hive Gateway ${hive.version}`), figure: 'req/s', value: fmt(hiveRps) },
      {
        benchmark: label(`Hive Gateway ${hive.version}`),
        figure: 'SQL statements/request',
        value: fmt(statements.hive / (hiveRps * load.seconds * hiveRuns.length)),
      },
      {
        benchmark: label(`Hive Gateway ${hive.version}`),
        figure: 'p50 / p95 ms',
        value: `${fmt(mean(hiveRuns, (run) => run.p50))} / ${fmt(mean(hiveRuns, (run) => run.p95))}`,
      },
      {
        benchmark: 'our gateway / Hive Gateway throughput (target >= 1.0)',
        figure: 'ratio',
        value: (oursRps / hiveRps).toFixed(2),
        results: { gateway_vs_hive_ratio: oursRps / hiveRps },
      },
      {
        benchmark: 'errors during the Hive comparison',
        figure: 'count',
        value: String([...oursRuns, ...hiveRuns].reduce((sum, run) => sum + run.errors, 0)),
      },
    ];
  } finally {
    await hive.stop();
  }
}
