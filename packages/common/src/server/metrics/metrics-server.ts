import http from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { httpRoutes } from '../http-routes.js';
import { listen } from '../listen.js';
import { metricsRoute } from './metrics-route.js';

export interface MetricsServer {
  /** http://host:port/metrics */
  url: string;
  close(): Promise<void>;
}

/**
 * /metrics on a port of its own (METRICS_PORT), so Prometheus can scrape every process while
 * the public Ingress, which routes only the gateway's and storefront's ports, never shows it.
 */
export async function startMetricsServer(
  registry: Registry,
  port: number,
  host: string,
  logger: Logger,
): Promise<MetricsServer> {
  const server = http.createServer(httpRoutes({ '/metrics': metricsRoute(registry) }, logger));
  const bound = await listen(server, port, host);
  logger.info({ port: bound }, 'metrics ready');
  return {
    url: `http://${host}:${bound}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** METRICS_PORT when set; otherwise the service's port + 5000 (gateway 9000, auth 9001 …), or any free port beside a free port. */
export function metricsPortFor(servicePort: number, configured: number | undefined): number {
  if (configured !== undefined) return configured;
  return servicePort === 0 ? 0 : servicePort + 5000;
}
