import type { Registry } from 'prom-client';
import type { Route } from '../http-routes.js';

/** A registry in Prometheus' text format, for scraping and benchmarks. */
export function metricsRoute(registry: Registry): Route {
  return async (_req, res) => {
    const text = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType });
    res.end(text);
  };
}
