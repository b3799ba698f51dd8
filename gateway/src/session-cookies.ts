import { ACCESS_TOKEN_TTL_SECONDS, type SessionCookies } from '@stuffmart/common/runtime';
import type { ServerResponse } from 'node:http';
import { serialize } from 'cookie';

export const ACCESS_COOKIE = 'session';
export const REFRESH_COOKIE = 'refresh_token';
const REFRESH_TTL_SECONDS = 7 * 24 * 60 * 60;

/** The contract's cookies: the access token Lax (links into the site work), the refresh token Strict. */
export function writeSessionCookies(res: ServerResponse, session: SessionCookies | 'clear', secure: boolean): void {
  const clear = session === 'clear';
  res.appendHeader('Set-Cookie', [
    serialize(ACCESS_COOKIE, clear ? '' : session.accessToken, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: clear ? 0 : ACCESS_TOKEN_TTL_SECONDS,
      secure,
    }),
    serialize(REFRESH_COOKIE, clear ? '' : session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      maxAge: clear ? 0 : REFRESH_TTL_SECONDS,
      secure,
    }),
  ]);
}
