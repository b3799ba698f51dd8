import { createHash, timingSafeEqual } from 'node:crypto';
import { REFRESH_COOKIE } from './session-cookies';

export type Renewal =
  | { kind: 'renewed'; accessToken: string; refreshToken: string; setCookies: string[] }
  /** The refresh token is spent, revoked or expired: the person is signed out. */
  | { kind: 'rejected' }
  /** The gateway could not say; keep the cookies and let the request go on as it is. */
  | { kind: 'unavailable' }
  /**
   * Another browser renewed this refresh token a moment ago. What it got is not handed to
   * this one; the request goes on as it is (signed out, unless its access token still holds).
   */
  | { kind: 'claimed' };

const RENEW = 'mutation RenewSession { refreshSession { accessToken refreshToken } }';

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

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

interface Remembered {
  /** The hash of the secret of the browser that asked first: the only one served from here. */
  browser: Buffer;
  renewal: Promise<Renewal>;
}

export interface RenewalMemo {
  renew(refreshToken: string, browserSecret: string, ask: () => Promise<Renewal>): Promise<Renewal>;
}

/**
 * A refresh token works once, and presenting it twice revokes the whole sign-in. A page
 * load fans out into several requests carrying the same stale cookies, so the requests of
 * one browser with one refresh token share one renewal, remembered for a minute after it
 * settles.
 *
 * Only that browser. Were the memo keyed by the refresh token alone, anyone holding a copy
 * of a just-used token (a log line, a proxy, a stolen cookie jar of an hour ago) could
 * present it within the minute and be handed the fresh session, which is exactly what
 * single use and reuse detection are there to stop. So an entry is found by a hash of the
 * old refresh token (the memo keeps no live token as a key) and served only to a request
 * that also carries the secret of the browser that asked first (`browser-secret.ts`, an
 * HttpOnly cookie of this site that never leaves this server). Any other request with that
 * token gets `claimed`: no new cookies, and no second call to the gateway either, which
 * would revoke the sign-in of the person who just renewed it properly. After the minute, a
 * late copy reaches the gateway, and its reuse detection does the rest.
 *
 * A browser that has no secret yet (signed in before this storefront set one) is given one
 * by the proxy on that request; if several of its requests renew at once, the first wins and
 * the others go on signed out, once.
 */
export function createRenewalMemo(rememberMs = 60_000): RenewalMemo {
  const remembered = new Map<string, Remembered>();
  return {
    renew(refreshToken, browserSecret, ask) {
      const key = sha256(refreshToken).toString('base64url');
      const browser = sha256(browserSecret);
      const known = remembered.get(key);
      if (known) return timingSafeEqual(known.browser, browser) ? known.renewal : Promise.resolve({ kind: 'claimed' });
      const renewal = ask().then((result) => {
        // An outage is not an answer: the next request may try again.
        if (result.kind === 'unavailable') remembered.delete(key);
        else setTimeout(() => remembered.delete(key), rememberMs).unref();
        return result;
      });
      remembered.set(key, { browser, renewal });
      return renewal;
    },
  };
}

/** One memo per storefront process (README: sticky sessions with several replicas). */
const memo = createRenewalMemo();

export function renewSession(gatewayUrl: string, refreshToken: string, browserSecret: string): Promise<Renewal> {
  return memo.renew(refreshToken, browserSecret, () => askGateway(gatewayUrl, refreshToken));
}
