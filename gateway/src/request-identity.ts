import { randomUUID } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import type { IncomingMessage } from 'node:http';
import { ACCESS_COOKIE, REFRESH_COOKIE } from './session-cookies.js';

export interface RequestCredentials {
  /** The access token, unverified. */
  token: string | undefined;
  refreshCookie: string | undefined;
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * A request is signed in by `Authorization: Bearer` or, failing that, the `session` cookie.
 * graphql-ws passes its connectionParams' authorization here too, with the upgrade request.
 */
export function readCredentials(
  req: Pick<IncomingMessage, 'headers'>,
  authorization: string | undefined = req.headers.authorization,
): RequestCredentials {
  const cookies = parseCookies(req.headers.cookie ?? '');
  return { token: bearer(authorization) ?? cookies[ACCESS_COOKIE], refreshCookie: cookies[REFRESH_COOKIE] };
}

/** A client may name its request for tracing; anything odd is replaced, never logged raw. */
export function requestIdOf(req: Pick<IncomingMessage, 'headers'>): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
}

/** TRUST_PROXY: trust no proxy, any (behind ingress-nginx), or only the proxies at these addresses. */
export type TrustProxy = boolean | readonly string[];

/** `::ffff:172.20.0.5` is how an IPv4 peer shows on a dual-stack socket. */
export function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}

/**
 * The client's address: the socket's, or when the request comes from a proxy we trust
 * (TRUST_PROXY) the last X-Forwarded-For entry, the one that proxy appended. Earlier entries come
 * from the client and prove nothing, so a caller cannot pick the address its failed sign-ins are
 * counted under; and with a list of proxies, a client reaching us directly cannot either.
 */
export function clientAddress(req: IncomingMessage, trustProxy: TrustProxy): string | null {
  const forwarded = req.headers['x-forwarded-for'];
  const peer = req.socket.remoteAddress ?? null;
  const trusted =
    trustProxy === true || (trustProxy !== false && peer !== null && trustProxy.includes(plainAddress(peer)));
  if (trusted && typeof forwarded === 'string') return forwarded.split(',').pop()!.trim() || null;
  return peer;
}
