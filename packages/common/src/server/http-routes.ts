import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { CONTRACT_ERRORS } from '@stuffmart/contract/error-codes';
import type { Logger } from 'pino';

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

/** A JSON answer already serialised. */
function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The body of any answer to a request that failed on our side: nothing of the cause leaks. */
export const INTERNAL_ERROR_BODY = JSON.stringify({
  errors: [{ message: CONTRACT_ERRORS.INTERNAL_SERVER_ERROR, extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
});

/** A request refused before anything ran, in the contract's error shape. */
export function requestError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
}

/**
 * A plain node:http listener over a table of paths. Express cost the gateway a fifth of its
 * CPU per request for routing we do not need; this is all our servers route.
 */
export function httpRoutes(routes: Record<string, Route>, logger: Logger): RequestListener {
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = routes[path];
    if (!route) {
      sendJson(res, 404, { error: 'Not found' });
      return;
    }
    Promise.resolve(route(req, res)).catch((error: unknown) => {
      logger.error({ err: error, path }, 'request handler failed');
      if (!res.headersSent) sendJsonText(res, 500, INTERNAL_ERROR_BODY);
      else res.destroy();
    });
  };
}

/** Hands an HTTP request to Apollo Server (POST JSON and GET), as its express integration would. */
export function apolloRoute<C extends BaseContext>(
  apollo: ApolloServer<C>,
  context: (req: IncomingMessage, res: ServerResponse) => Promise<C>,
): Route {
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      let raw: Buffer;
      try {
        raw = await readBody(req);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return requestError(res, 413, 'Request body too large');
        throw error;
      }
      if ((headers.get('content-type') ?? '').includes('json') && raw.length > 0) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          return requestError(res, 400, 'Request body is not valid JSON');
        }
      } else {
        body = raw.toString('utf8');
      }
    }
    const url = req.url ?? '/';
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: url.includes('?') ? url.slice(url.indexOf('?')) : '',
        body,
      },
      context: () => context(req, res),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
