import { randomUUID } from 'node:crypto';
import { verifyAccessToken, type Identity } from '@stuffmart/common';
import { parse as parseCookies } from 'cookie';
import type { IncomingMessage } from 'node:http';
import { ACCESS_COOKIE, REFRESH_COOKIE } from './session-cookies.js';

export interface RequestCredentials {
  user: Identity | null;
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
  jwtKey: string,
  req: Pick<IncomingMessage, 'headers'>,
  authorization: string | undefined = req.headers.authorization,
): RequestCredentials {
  const cookies = parseCookies(req.headers.cookie ?? '');
  const token = bearer(authorization) ?? cookies[ACCESS_COOKIE];
  return {
    user: token ? verifyAccessToken(jwtKey, token) : null,
    refreshCookie: cookies[REFRESH_COOKIE],
  };
}

/** A client may name its request for tracing; anything odd is replaced, never logged raw. */
export function requestIdOf(req: Pick<IncomingMessage, 'headers'>): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
}
