/** The gateway's cookie names (contract, "Signing in"). */
export const ACCESS_COOKIE = 'session';
export const REFRESH_COOKIE = 'refresh_token';

/** Clears both, with the attributes the gateway sets them with, so the browser drops the same cookies. */
export const CLEARED_SESSION_COOKIES = [
  `${ACCESS_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`,
  `${REFRESH_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`,
];

/** A Cookie request header with some cookies replaced (a string) or removed (null). */
export function replaceCookies(header: string | null, changes: Record<string, string | null>): string {
  const kept = (header ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair && !(pair.split('=')[0]! in changes));
  const added = Object.entries(changes).flatMap(([name, value]) => (value === null ? [] : [`${name}=${value}`]));
  return [...kept, ...added].join('; ');
}
