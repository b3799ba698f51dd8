import type { Logger } from 'pino';
import { sendJson, type Route } from './http-routes.js';
import { within } from './within.js';

export type ReadinessCheck = () => Promise<unknown>;

const CHECK_TIMEOUT_MS = 2000;

async function withTimeout(check: ReadinessCheck): Promise<void> {
  if (!(await within(CHECK_TIMEOUT_MS, check()))) throw new Error('timed out');
}

/** Runs every dependency check at once; 503 names what is down but never why (no hosts). */
export async function runReadiness(
  checks: Record<string, ReadinessCheck>,
  logger: Logger,
): Promise<{ ready: boolean; checks: Record<string, 'ok' | 'down'> }> {
  const names = Object.keys(checks);
  const results = await Promise.allSettled(names.map((name) => withTimeout(checks[name]!)));
  const report: Record<string, 'ok' | 'down'> = {};
  results.forEach((result, index) => {
    const name = names[index]!;
    report[name] = result.status === 'fulfilled' ? 'ok' : 'down';
    if (result.status === 'rejected') logger.warn({ check: name, err: String(result.reason) }, 'not ready');
  });
  return { ready: Object.values(report).every((status) => status === 'ok'), checks: report };
}

export function readinessRoute(checks: Record<string, ReadinessCheck>, logger: Logger, draining?: Drain): Route {
  return async (_req, res) => {
    if (draining?.active) return sendJson(res, 503, { status: 'stopping', checks: {} });
    const { ready, checks: report } = await runReadiness(checks, logger);
    sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: report });
  };
}

export const healthRoute: Route = (_req, res) => sendJson(res, 200, { status: 'ok' });

/**
 * The first step of a graceful stop: /readyz turns 503 so load balancers send nothing new,
 * while requests already on their way are still served for the grace period.
 */
export class Drain {
  active = false;

  constructor(private readonly graceMs: number) {}

  async begin(): Promise<void> {
    this.active = true;
    if (this.graceMs > 0) await new Promise((resolve) => setTimeout(resolve, this.graceMs));
  }
}
