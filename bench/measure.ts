import autocannon from 'autocannon';

export interface Row {
  benchmark: string;
  figure: string;
  value: string;
  /** The row's figures as numbers, by their key in bench/results.json. */
  results?: Record<string, number>;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  errors: number;
  /** Every response time, ms. */
  latencies: number[];
}

/** A fixed-duration load at a fixed concurrency against one GraphQL URL. */
export async function loadTest(options: {
  url: string;
  body: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  /** Headers of each request in turn (e.g. a different caller each), over `headers`. */
  headersFor?: (n: number) => Record<string, string>;
}): Promise<LoadResult> {
  let sent = 0;
  const headersFor = options.headersFor;
  const latencies: number[] = [];
  let instance: autocannon.Instance | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: options.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: options.body,
        connections: options.connections,
        duration: options.seconds,
        ...(headersFor && {
          requests: [
            {
              setupRequest: (request) => ({
                ...request,
                headers: { ...request.headers, ...headersFor(sent++) },
              }),
            },
          ],
        }),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // autocannon's own summary has no p95; every response time is kept instead.
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors: result.errors + result.non2xx,
    latencies,
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The rows as one Markdown table on stdout. */
export function printRows(rows: Row[]): void {
  const width = (key: 'benchmark' | 'figure' | 'value') => Math.max(key.length, ...rows.map((row) => row[key].length));
  const line = (row: Row) =>
    `| ${row.benchmark.padEnd(width('benchmark'))} | ${row.figure.padEnd(width('figure'))} | ${row.value.padStart(width('value'))} |`;
  console.log(line({ benchmark: 'benchmark', figure: 'figure', value: 'value' }));
  console.log(
    `|${'-'.repeat(width('benchmark') + 2)}|${'-'.repeat(width('figure') + 2)}|${'-'.repeat(width('value') + 2)}|`,
  );
  for (const row of rows) console.log(line(row));
}
