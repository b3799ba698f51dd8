import { randomUUID } from 'node:crypto';
import { assertSignedIn, BadUserInputError, type FieldError, type Identity } from '@stuffmart/common';
import type { PhotoDeps } from './catalog-deps.js';
import { isPhotoContentType, MAX_PHOTO_BYTES, UPLOAD_URL_TTL_MS } from './photo-rules.js';
import { signUploadToken, type UploadGrant } from './upload-token.js';

export interface PhotoUploadOffer {
  photoId: string;
  uploadUrl: string;
  expiresAt: Date;
}

/** The public path of uploads on the gateway; the gateway streams the body on to catalog's. */
export const UPLOAD_PATH = '/photos/upload';

function assertAcceptable(contentType: string, byteSize: number): void {
  const fields: FieldError[] = [];
  if (!isPhotoContentType(contentType))
    fields.push({ field: 'contentType', message: 'Content type must be image/jpeg, image/png or image/webp' });
  if (!Number.isInteger(byteSize) || byteSize < 1 || byteSize > MAX_PHOTO_BYTES)
    fields.push({ field: 'byteSize', message: `Byte size must be between 1 and ${MAX_PHOTO_BYTES} (10 MB)` });
  if (fields.length > 0) throw new BadUserInputError(fields);
}

/**
 * Nothing is stored yet: the signed URL is the whole grant, and the photo's row is written
 * when the URL is first used.
 */
export function createPhotoUpload(
  photos: PhotoDeps,
  user: Identity | null,
  publicUrl: string,
  contentType: string,
  byteSize: number,
): PhotoUploadOffer {
  const uploader = assertSignedIn(user);
  assertAcceptable(contentType, byteSize);
  const grant: UploadGrant = {
    photoId: randomUUID(),
    uploaderId: uploader.userId,
    contentType: contentType as UploadGrant['contentType'],
    byteSize,
    // Whole seconds, as the token carries it.
    expiresAt: new Date(Math.floor((Date.now() + UPLOAD_URL_TTL_MS) / 1000) * 1000),
  };
  const uploadUrl = new URL(UPLOAD_PATH, publicUrl);
  uploadUrl.searchParams.set('token', signUploadToken(photos.uploadKey, grant));
  return { photoId: grant.photoId, uploadUrl: uploadUrl.toString(), expiresAt: grant.expiresAt };
}
