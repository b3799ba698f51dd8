import type { IncomingMessage } from 'node:http';

/** The origin of a browser request, or undefined for a client that sends none (an app, a server). */
function originOf(request: IncomingMessage): string | undefined {
  const origin = request.headers.origin;
  return typeof origin === 'string' ? origin : undefined;
}

/**
 * CORS: only ALLOWED_ORIGINS (PUBLIC_URL's by default) may read answers from a browser, with
 * cookies. Another origin gets no Access-Control-Allow-Origin, so its page reads nothing.
 */
export function corsHeaders(request: IncomingMessage, allowedOrigins: readonly string[]): Record<string, string> {
  const origin = originOf(request);
  if (!origin || !allowedOrigins.includes(origin)) return { vary: 'Origin' };
  return {
    vary: 'Origin',
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
  };
}

/** What a preflight may ask for: our methods and the headers our clients send. */
export const PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers':
    'content-type, authorization, x-request-id, apollo-require-preflight, x-apollo-operation-name',
  'access-control-max-age': '600',
};

/**
 * A browser WebSocket is not bound by CORS and carries the session cookie, so its Origin is
 * checked: ALLOWED_ORIGINS, or the gateway's own (Sandbox served from /graphql, whose Origin
 * names the Host it was loaded from). A request without Origin is not a browser's.
 */
export function isAllowedWebSocketOrigin(request: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(request);
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  const host = request.headers.host;
  return URL.canParse(origin) && host !== undefined && new URL(origin).host === host.toLowerCase();
}
