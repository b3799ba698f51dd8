import { readBody, sendJson, type Logger, type Route } from '@stuffmart/common/runtime';

/** Provider webhooks arrive at the one public port and belong to one subgraph each. */
export const WEBHOOKS: Record<string, string> = { '/webhooks/stripe': 'payments' };

const FORWARDED_HEADERS = ['content-type', 'stripe-signature'];

/**
 * Passes a webhook on byte for byte (its signature covers the raw body) to the subgraph that
 * owns it, and its answer back; a subgraph that cannot be reached makes the provider retry.
 */
export function webhookRoutes(subgraphUrls: Record<string, string>, logger: Logger): Record<string, Route> {
  const routes: Record<string, Route> = {};
  for (const [path, subgraph] of Object.entries(WEBHOOKS)) {
    const target = subgraphUrls[subgraph];
    if (!target) continue;
    routes[path] = async (req, res) => {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'Method not allowed' });
      const body = await readBody(req);
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_HEADERS) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      try {
        const answer = await fetch(new URL(path, target), {
          method: 'POST',
          headers,
          body,
          // A subgraph that hangs must not hold the provider, or our shutdown, forever.
          signal: AbortSignal.timeout(10_000),
        });
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      } catch (error) {
        logger.error({ err: (error as Error).message, subgraph }, 'webhook could not be forwarded');
        sendJson(res, 503, { error: 'Service unavailable' });
      }
    };
  }
  return routes;
}
