import jwt from 'jsonwebtoken';
import { secretKey } from './secret-key.js';
import { z } from 'zod';
import type { Identity } from './identity.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'stuffmart';
const AUDIENCE = 'stuffmart';

const claimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string(),
  role: z.enum(['USER', 'ADMIN']),
  sid: z.string().min(1),
  exp: z.number(),
});

export interface SignedAccessToken {
  token: string;
  expiresAt: Date;
}

export function signAccessToken(key: string, identity: Identity, now = new Date()): SignedAccessToken {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ACCESS_TOKEN_TTL_SECONDS;
  const token = jwt.sign(
    { email: identity.email, role: identity.role, sid: identity.sessionId, iat, exp },
    secretKey(key),
    {
      algorithm: 'HS256',
      subject: identity.userId,
      issuer: ISSUER,
      audience: AUDIENCE,
    },
  );
  return { token, expiresAt: new Date(exp * 1000) };
}

export interface VerifiedAccessToken {
  identity: Identity;
  expiresAt: Date;
}

/**
 * Any token that is not ours exactly (another algorithm, `none`, a bad signature, expired,
 * another issuer or audience, missing claims) is simply no identity: the caller is signed out.
 */
export function verifyAccessToken(key: string, token: string): VerifiedAccessToken | null {
  try {
    const payload = jwt.verify(token, secretKey(key), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) return null;
    const { sub, email, role, sid, exp } = claims.data;
    return { identity: { userId: sub, email, role, sessionId: sid }, expiresAt: new Date(exp * 1000) };
  } catch {
    return null;
  }
}
