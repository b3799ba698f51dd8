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

/**
 * What a preflight may ask for: our methods and the headers our clients send (a traced web app
 * sends W3C traceparent/tracestate, which the gateway continues).
 */
export const PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers':
    'content-type, authorization, x-request-id, apollo-require-preflight, x-apollo-operation-name, traceparent, tracestate',
  'access-control-max-age': '600',
};

/**
 * The hosts a browser may have addressed to reach us: ours (Host), or the one a proxy in front
 * received (X-Forwarded-Host: ingress, or the storefront's /graphql, which passes the upgrade on).
 * A browser cannot set X-Forwarded-Host on a WebSocket, and sends only the cookies of the host it
 * addressed, so an Origin naming one of these is the same site the cookies belong to.
 */
function addressedHosts(request: IncomingMessage): string[] {
  const forwarded = request.headers['x-forwarded-host'];
  return [request.headers.host, ...(typeof forwarded === 'string' ? forwarded.split(',') : [])].flatMap((host) =>
    host ? [host.trim().toLowerCase()] : [],
  );
}

/**
 * A browser WebSocket is not bound by CORS and carries the session cookie, so its Origin is
 * checked: ALLOWED_ORIGINS and PUBLIC_URL's, or the site the browser addressed (Sandbox served
 * from our /graphql, the storefront's proxy). A request without Origin is not a browser's.
 */
export function isAllowedWebSocketOrigin(request: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(request);
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  return URL.canParse(origin) && addressedHosts(request).includes(new URL(origin).host);
}
