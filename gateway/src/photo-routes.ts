import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { sendJson, type Logger, type Route } from '@stuffmart/common/runtime';
import { corsHeaders } from './allowed-origins.js';
import { plainAddress, type TrustProxy } from './request-identity.js';

/** Set on every call to a subgraph: the origin clients reach the gateway at, for photo URLs. */
export const PUBLIC_URL_HEADER = 'x-stuffmart-public-url';

/** Public on the gateway, served by catalog behind it. */
const PHOTO_PATHS = { upload: '/photos/upload', file: '/photos/file' } as const;

/** What a photo response may carry back to the client; nothing else of catalog's leaks. */
const FILE_HEADERS = ['content-type', 'content-length', 'cache-control', 'etag'];

const UPLOAD_PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'PUT, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '600',
};

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;
const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();

/**
 * The gateway's public origin: GATEWAY_PUBLIC_URL when configured (production: a Host header is
 * the client's to choose, and a URL built from it must never reach a shared cache), else the
 * request's Host, or X-Forwarded-Host/-Proto from a trusted proxy; only a well-formed host is taken.
 */
export function publicUrlOf(
  req: IncomingMessage,
  configured: string | undefined,
  trustProxy: TrustProxy,
): string | undefined {
  if (configured) return new URL(configured).origin;
  const proxied =
    trustProxy === true || (trustProxy !== false && trustProxy.includes(plainAddress(req.socket.remoteAddress ?? '')));
  const host = (proxied && first(req.headers['x-forwarded-host'])) || req.headers.host;
  const proto = (proxied && first(req.headers['x-forwarded-proto'])) || 'http';
  if (!host || !HOST.test(host) || (proto !== 'http' && proto !== 'https')) return undefined;
  return `${proto}://${host.toLowerCase()}`;
}

/**
 * Photos pass through the gateway as streams both ways: an upload's body goes on to catalog as
 * it arrives (never a whole file in memory here), and a photo's bytes come back the same way.
 */
export function photoRoutes(
  catalogUrl: string | undefined,
  allowedOrigins: readonly string[],
  logger: Logger,
): Record<string, Route> {
  if (!catalogUrl) return {};
  const unavailable = (error: unknown) => {
    logger.error({ err: (error as Error).message }, 'catalog unreachable for photos');
    return { errors: [{ message: 'Service unavailable', extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
  };
  const target = (req: IncomingMessage, path: string) =>
    new URL(path + (req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''), catalogUrl);

  return {
    [PHOTO_PATHS.upload]: async (req, res) => {
      // The storefront's page PUTs here across origins; the URL is the credential, so no cookies.
      const { 'access-control-allow-credentials': _credentials, ...cors } = corsHeaders(req, allowedOrigins);
      for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
      if (req.method === 'OPTIONS') {
        const allowed = 'access-control-allow-origin' in cors;
        res.writeHead(204, allowed ? UPLOAD_PREFLIGHT_HEADERS : {});
        return void res.end();
      }
      if (req.method !== 'PUT') return sendJson(res, 405, { error: 'Method not allowed' });
      let answer: Response;
      try {
        answer = await fetch(target(req, PHOTO_PATHS.upload), {
          method: 'PUT',
          headers: { 'content-type': req.headers['content-type'] ?? '' },
          body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
          duplex: 'half',
          // A client that trickles its body is cut off by the server's request timeout first.
          signal: AbortSignal.timeout(60_000),
        } as RequestInit);
      } catch (error) {
        return sendJson(res, 503, unavailable(error));
      }
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    },
    [PHOTO_PATHS.file]: async (req, res) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'Method not allowed' });
      const ifNoneMatch = req.headers['if-none-match'];
      let answer: Response;
      try {
        answer = await fetch(target(req, PHOTO_PATHS.file), {
          method: req.method,
          headers: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {},
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        return sendJson(res, 503, unavailable(error));
      }
      // Only WebP we encoded is ever served, but a browser must never guess otherwise.
      const headers: Record<string, string> = { 'x-content-type-options': 'nosniff' };
      for (const name of FILE_HEADERS) {
        const value = answer.headers.get(name);
        if (value !== null) headers[name] = value;
      }
      res.writeHead(answer.status, headers);
      if (!answer.body) return void res.end();
      Readable.fromWeb(answer.body as Parameters<typeof Readable.fromWeb>[0])
        .on('error', () => res.destroy())
        .pipe(res);
    },
  };
}
