import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Row } from './measure.js';

/** The keys every run writes (issue 15); a figure a suite did not give is null. */
export const RESULT_KEYS = [
  'gateway_direct_ratio',
  'gateway_vs_hive_ratio',
  'contention_200_all_answered_ms',
  'contention_200_winners',
  'distinct_buys_per_s',
  'pay_coupon_p50_ms',
  'listing_50_req_per_s',
  'listing_sql_per_request',
  'push_p95_ms',
  'expiry_lag_p95_ms',
] as const;

/**
 * Figures of rows that carry no `results`, read from the table's own wording, so the suites
 * that print only text still feed results.json (each pattern: benchmark, figure, which number).
 */
const FROM_TEXT: Array<{ key: string; benchmark: RegExp; figure: RegExp; index: number }> = [
  { key: 'contention_200_all_answered_ms', benchmark: /^contention: 200 buyers/, figure: /all answered/, index: 0 },
  { key: 'contention_200_winners', benchmark: /^contention: 200 buyers/, figure: /^winners/, index: 0 },
  { key: 'distinct_buys_per_s', benchmark: /^buy throughput/, figure: /orders\/s/, index: 0 },
  { key: 'pay_coupon_p50_ms', benchmark: /^payOrder, 100% coupon, /, figure: /p50/, index: 0 },
  { key: 'push_p95_ms', benchmark: /^live push: buyStuff answered → gateway watcher has/, figure: /p95/, index: 1 },
  { key: 'expiry_lag_p95_ms', benchmark: /^expiry lag/, figure: /p95/, index: 1 },
];

/** The figures of one run as one object: what each row gives, then what its text says. */
export function collectResults(rows: readonly Row[]): Record<string, number | null> {
  const results: Record<string, number | null> = Object.fromEntries(RESULT_KEYS.map((key) => [key, null]));
  for (const row of rows) Object.assign(results, row.results);
  for (const { key, benchmark, figure, index } of FROM_TEXT) {
    if (results[key] != null) continue;
    const row = rows.find((candidate) => benchmark.test(candidate.benchmark) && figure.test(candidate.figure));
    const number = row?.value.match(/-?\d+(?:\.\d+)?/g)?.[index];
    if (number !== undefined) results[key] = Number(number);
  }
  return results;
}

/** bench/results.json: the run's figures, and the machine they were measured on. */
export async function writeResults(path: string, rows: readonly Row[]): Promise<void> {
  const results = {
    ...collectResults(rows),
    machine: { cores: availableParallelism(), node: process.version },
    measured_at: new Date().toISOString(),
  };
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
}
