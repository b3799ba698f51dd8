import { randomBytes } from 'node:crypto';

/**
 * A random value this storefront gives each browser, in an HttpOnly cookie that only this
 * server reads (it is taken off requests before they go on to the gateway). It binds a
 * renewed session to the browser that asked for it: see `renew-session.ts`.
 */
export const BROWSER_COOKIE = 'browser_secret';

/** 400 days, the longest a browser keeps a cookie. */
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

/** 32 random bytes, base64url: 43 characters. Anything else in the cookie is not one of ours. */
const SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function readBrowserSecret(value: string | undefined): string | null {
  return value && SHAPE.test(value) ? value : null;
}

export function newBrowserSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function browserSecretCookie(secret: string, secure: boolean): string {
  return `${BROWSER_COOKIE}=${secret}; Path=/; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
