import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { PhotoContentType } from './photo-rules.js';

/** What an upload URL allows: one photo, by one uploader, of one type and at most this size. */
export interface UploadGrant {
  photoId: string;
  uploaderId: string;
  contentType: PhotoContentType;
  byteSize: number;
  expiresAt: Date;
}

const claimsSchema = z.object({
  p: z.uuid(),
  u: z.string().min(1),
  t: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  s: z.number().int().min(1),
  e: z.number().int(),
});

/**
 * A key of its own derived from the voucher key, so that an upload token can never pass as
 * anything else signed with that key.
 */
export function uploadTokenKey(voucherKey: string): Buffer {
  return createHmac('sha256', voucherKey).update('stuffmart photo upload v1').digest();
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest();

export function signUploadToken(key: Buffer, grant: UploadGrant): string {
  const payload = Buffer.from(
    JSON.stringify({
      p: grant.photoId,
      u: grant.uploaderId,
      t: grant.contentType,
      s: grant.byteSize,
      e: Math.floor(grant.expiresAt.getTime() / 1000),
    }),
  ).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

/** Null for anything not signed by us, whatever it says; expiry is the caller's to check. */
export function readUploadToken(key: Buffer, token: string): UploadGrant | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = mac(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) return null;
  const { p, u, t, s, e } = parsed.data;
  return { photoId: p, uploaderId: u, contentType: t, byteSize: s, expiresAt: new Date(e * 1000) };
}
