/**
 * How the auth subgraph and the gateway talk about cookies: the subgraph answers with the
 * tokens to set (or "clear") in SESSION_HEADER, and the gateway turns that into Set-Cookie;
 * the gateway passes the refresh cookie's value in REFRESH_TOKEN_HEADER.
 */
export const SESSION_HEADER = 'x-stuffmart-session';
export const REFRESH_TOKEN_HEADER = 'x-stuffmart-refresh-token';
export const CLEAR_SESSION = 'clear';

export interface SessionCookies {
  accessToken: string;
  refreshToken: string;
}

export function encodeSessionHeader(session: SessionCookies): string {
  return Buffer.from(JSON.stringify(session)).toString('base64url');
}

export function decodeSessionHeader(value: string): SessionCookies | 'clear' | null {
  if (value === CLEAR_SESSION) return CLEAR_SESSION;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<SessionCookies>;
    return typeof parsed.accessToken === 'string' && typeof parsed.refreshToken === 'string'
      ? { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken }
      : null;
  } catch {
    return null;
  }
}
