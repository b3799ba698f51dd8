import type { CatalogContext } from './catalog-context.js';

/** Set by the gateway on every call: the origin its clients reach it at. */
export const PUBLIC_URL_HEADER = 'x-stuffmart-public-url';

/**
 * The gateway's public origin, for absolute photo URLs. Only an origin (scheme, host, port) is
 * taken from the header; anything else falls back to GATEWAY_PUBLIC_URL.
 */
export function publicUrlOf(ctx: CatalogContext): string {
  const given = ctx.requestHeader(PUBLIC_URL_HEADER);
  if (given && URL.canParse(given)) {
    const url = new URL(given);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === given) return url.origin;
  }
  return ctx.deps.photos.defaultPublicUrl;
}
