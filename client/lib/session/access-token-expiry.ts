/** Renew a little early, so a token does not expire between this server and the gateway. */
const MARGIN_MS = 30_000;

/**
 * Whether the access token is missing, unreadable or about to expire. The payload is only
 * read, never trusted: the gateway verifies the signature; this decides when to renew.
 */
export function accessTokenNeedsRenewal(token: string | undefined, nowMs: number): boolean {
  const payload = token?.split('.')[1];
  if (!payload) return true;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp !== 'number' || exp * 1000 - MARGIN_MS <= nowMs;
  } catch {
    return true;
  }
}
