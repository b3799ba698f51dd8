import { NextResponse, type NextRequest } from 'next/server';
import { clientConfig } from './lib/config';
import { accessTokenNeedsRenewal } from './lib/session/access-token-expiry';
import { BROWSER_COOKIE, browserSecretCookie, newBrowserSecret, readBrowserSecret } from './lib/session/browser-secret';
import { renewSession } from './lib/session/renew-session';
import { ACCESS_COOKIE, CLEARED_SESSION_COOKIES, REFRESH_COOKIE, replaceCookies } from './lib/session/session-cookies';

interface SessionUpdate {
  cookies: Record<string, string | null>;
  setCookies: string[];
}

/** Renews an expired access token once, before the request goes on, so the request runs signed in. */
async function renewIfStale(
  request: NextRequest,
  gatewayUrl: string,
  browserSecret: string,
): Promise<SessionUpdate | null> {
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  if (!refreshToken || !accessTokenNeedsRenewal(request.cookies.get(ACCESS_COOKIE)?.value, Date.now())) return null;
  const renewal = await renewSession(gatewayUrl, refreshToken, browserSecret);
  switch (renewal.kind) {
    case 'renewed':
      return {
        cookies: { [ACCESS_COOKIE]: renewal.accessToken, [REFRESH_COOKIE]: renewal.refreshToken },
        setCookies: renewal.setCookies,
      };
    case 'rejected':
      return { cookies: { [ACCESS_COOKIE]: null, [REFRESH_COOKIE]: null }, setCookies: CLEARED_SESSION_COOKIES };
    case 'unavailable':
    case 'claimed':
      return null;
  }
}

/**
 * Every request to this site passes here. `/graphql` (HTTP and the graphql-ws upgrade) is
 * handed to the gateway at run time, so the browser only ever talks to this origin and the
 * gateway's cookies are first-party; pages get a fresh access token for server rendering.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { gatewayUrl } = clientConfig();
  // A WebSocket upgrade cannot carry Set-Cookie back: renewing there would spend the
  // browser's refresh token without telling it. The browser renews over HTTP first.
  const upgrade = request.headers.get('upgrade')?.toLowerCase() === 'websocket';
  const knownSecret = readBrowserSecret(request.cookies.get(BROWSER_COOKIE)?.value);
  const browserSecret = knownSecret ?? newBrowserSecret();
  const update = upgrade ? null : await renewIfStale(request, gatewayUrl, browserSecret);
  const toGateway = request.nextUrl.pathname === '/graphql';
  // The browser's secret is this server's alone: the gateway never sees it.
  const cookieChanges = { ...update?.cookies, ...(toGateway ? { [BROWSER_COOKIE]: null } : {}) };
  const headers = new Headers(request.headers);
  if (Object.keys(cookieChanges).length > 0) {
    headers.set('cookie', replaceCookies(request.headers.get('cookie'), cookieChanges));
  }

  let response: NextResponse;
  if (toGateway) {
    const target = new URL(gatewayUrl);
    target.search = request.nextUrl.search;
    response = NextResponse.rewrite(target, { request: { headers } });
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  for (const cookie of update?.setCookies ?? []) response.headers.append('set-cookie', cookie);
  if (!knownSecret && !upgrade) {
    response.headers.append('set-cookie', browserSecretCookie(browserSecret, request.nextUrl.protocol === 'https:'));
  }
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt|healthz).*)'],
};
