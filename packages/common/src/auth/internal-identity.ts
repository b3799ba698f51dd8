import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { secretKey } from './secret-key.js';
import { z } from 'zod';
import type { Identity } from './identity.js';

/** The header in which the gateway vouches for a request's identity to a subgraph. */
export const INTERNAL_IDENTITY_HEADER = 'x-stuffmart-identity';
const AUDIENCE = 'stuffmart-subgraphs';
const ISSUER = 'stuffmart-gateway';
export const INTERNAL_IDENTITY_TTL_SECONDS = 60;
/** Travels beside the voucher: it names a request for the logs and proves nothing. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * A key of its own, derived from JWT_KEY, so that a user's access token can never pass as
 * the gateway's voucher (and the other way round) even though one secret is configured.
 */
export function deriveInternalKey(jwtKey: string): string {
  return createHmac('sha256', jwtKey).update('stuffmart internal identity v1').digest('base64url');
}

/** The voucher key a process uses: VOUCHER_KEY, or where only JWT_KEY is set, derived from it. */
export function voucherKeyOf(keys: { JWT_KEY?: string; VOUCHER_KEY?: string }): string {
  if (keys.VOUCHER_KEY) return keys.VOUCHER_KEY;
  if (keys.JWT_KEY) return deriveInternalKey(keys.JWT_KEY);
  throw new Error('VOUCHER_KEY: is required');
}

export interface VouchedRequest {
  user: Identity | null;
  /** The client's address as the gateway saw it; used for rate limits. */
  clientIp: string | null;
}

const claimsSchema = z.object({
  sub: z.string().optional(),
  email: z.string().optional(),
  role: z.enum(['USER', 'ADMIN']).optional(),
  sid: z.string().optional(),
  ip: z.string().nullable().optional(),
  exp: z.number().optional(),
});

export function signInternalIdentity(internalKey: string, vouched: VouchedRequest): string {
  const { user } = vouched;
  return jwt.sign(
    {
      ...(user ? { email: user.email, role: user.role, sid: user.sessionId } : {}),
      ip: vouched.clientIp,
    },
    secretKey(internalKey),
    {
      algorithm: 'HS256',
      issuer: ISSUER,
      audience: AUDIENCE,
      expiresIn: INTERNAL_IDENTITY_TTL_SECONDS,
      ...(user ? { subject: user.userId } : {}),
    },
  );
}

export const SIGNED_OUT: VouchedRequest = { user: null, clientIp: null };

/** A missing, forged or stale voucher leaves the request signed out, never an error. */
export function readInternalIdentity(internalKey: string, header: string | undefined): VouchedRequest {
  return (header && verifyInternalIdentity(internalKey, header)?.vouched) || SIGNED_OUT;
}

/**
 * What a genuine, unexpired voucher vouches for, and when it expires (ms, when it says; the
 * gateway's always do); undefined for any other voucher.
 */
export function verifyInternalIdentity(
  internalKey: string,
  header: string,
): { vouched: VouchedRequest; expiresAt: number | undefined } | undefined {
  try {
    const payload = jwt.verify(header, secretKey(internalKey), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    const claims = claimsSchema.parse(payload);
    const user =
      claims.sub && claims.email !== undefined && claims.role && claims.sid
        ? { userId: claims.sub, email: claims.email, role: claims.role, sessionId: claims.sid }
        : null;
    return {
      vouched: { user, clientIp: claims.ip ?? null },
      expiresAt: claims.exp === undefined ? undefined : claims.exp * 1000,
    };
  } catch {
    return undefined;
  }
}
