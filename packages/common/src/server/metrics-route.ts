import type { Route } from './http-routes.js';

/** Counters in Prometheus' text format, labelled with the service, for scraping and benchmarks. */
export function metricsRoute(service: string, counters: Record<string, () => number>): Route {
  return (_req, res) => {
    const lines = Object.entries(counters).map(
      ([name, read]) => `# TYPE stuffmart_${name} counter\nstuffmart_${name}{service="${service}"} ${read()}`,
    );
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(`${lines.join('\n')}\n`);
  };
}
