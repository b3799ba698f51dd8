import { REFRESH_COOKIE } from './session-cookies';

export type Renewal =
  | { kind: 'renewed'; accessToken: string; refreshToken: string; setCookies: string[] }
  /** The refresh token is spent, revoked or expired: the person is signed out. */
  | { kind: 'rejected' }
  /** The gateway could not say; keep the cookies and let the request go on as it is. */
  | { kind: 'unavailable' };

const RENEW = 'mutation RenewSession { refreshSession { accessToken refreshToken } }';

/**
 * A refresh token works once, and presenting it twice revokes the whole sign-in. A page
 * load fans out into several requests carrying the same stale cookies, so every request
 * with one refresh token shares one renewal, remembered for a minute after it settles.
 */
const renewals = new Map<string, Promise<Renewal>>();
const REMEMBER_MS = 60_000;

async function askGateway(gatewayUrl: string, refreshToken: string): Promise<Renewal> {
  try {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${REFRESH_COOKIE}=${refreshToken}` },
      body: JSON.stringify({ query: RENEW }),
      cache: 'no-store',
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json()) as {
      data?: { refreshSession?: { accessToken: string; refreshToken: string } | null } | null;
      errors?: Array<{ extensions?: { code?: unknown } }>;
    };
    const session = body.data?.refreshSession;
    if (session) return { kind: 'renewed', ...session, setCookies: response.headers.getSetCookie() };
    return body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' ? { kind: 'rejected' } : { kind: 'unavailable' };
  } catch {
    return { kind: 'unavailable' };
  }
}

export function renewSession(gatewayUrl: string, refreshToken: string): Promise<Renewal> {
  const known = renewals.get(refreshToken);
  if (known) return known;
  const pending = askGateway(gatewayUrl, refreshToken).then((renewal) => {
    // An outage is not an answer: the next request may try again.
    if (renewal.kind === 'unavailable') renewals.delete(refreshToken);
    else setTimeout(() => renewals.delete(refreshToken), REMEMBER_MS).unref();
    return renewal;
  });
  renewals.set(refreshToken, pending);
  return pending;
}
