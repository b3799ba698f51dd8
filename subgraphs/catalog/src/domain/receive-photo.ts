import { BadUserInputError } from '@stuffmart/common';
import { claimPhoto, markPhotoReady, releasePhoto } from '../data-access/photos.js';
import { photoKey } from '../data-access/photo-storage.js';
import type { CatalogDeps } from './catalog-deps.js';
import { encodePhoto } from './encode-photo.js';
import { readUploadToken, type UploadGrant } from './upload-token.js';

const refuse = (field: string, message: string) => new BadUserInputError([{ field, message }]);

function assertGranted(deps: CatalogDeps, token: string, contentType: string | undefined): UploadGrant {
  const grant = readUploadToken(deps.photos.uploadKey, token);
  if (!grant) throw refuse('token', 'Upload URL is not valid');
  if (grant.expiresAt.getTime() <= Date.now()) throw refuse('token', 'Upload URL has expired');
  const given = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (given !== grant.contentType)
    throw refuse('contentType', `Content-Type must be ${grant.contentType}, as announced`);
  return grant;
}

/**
 * Reads at most the announced number of bytes. Past that, the rest is read and dropped
 * rather than the connection cut, so that the answer reaches the client through the gateway
 * (the gateway's request timeout bounds how long that can take).
 */
async function readAnnounced(body: AsyncIterable<Buffer>, byteSize: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size <= byteSize) chunks.push(chunk);
  }
  if (size > byteSize) throw refuse('file', `File is larger than the ${byteSize} bytes announced`);
  return Buffer.concat(chunks);
}

/**
 * The PUT of an upload URL. The URL's grant is checked before a byte is read, the size while
 * reading, the pixels while decoding. Its row makes the URL single use; a refused file gives
 * the URL back, and a process that dies half-way leaves an orphan the sweep deletes.
 */
export async function receivePhoto(
  deps: CatalogDeps,
  token: string,
  contentType: string | undefined,
  body: AsyncIterable<Buffer>,
): Promise<{ photoId: string }> {
  const grant = assertGranted(deps, token, contentType);
  if (!(await claimPhoto(deps.db, grant.photoId, grant.uploaderId)))
    throw refuse('token', 'Upload URL has already been used');
  try {
    const photo = await encodePhoto(await readAnnounced(body, grant.byteSize), grant.contentType);
    await deps.photos.storage.put(photoKey(grant.photoId, 'full'), photo.full.bytes, 'image/webp');
    await deps.photos.storage.put(photoKey(grant.photoId, 'thumbnail'), photo.thumbnail.bytes, 'image/webp');
    await markPhotoReady(deps.db, grant.photoId, {
      width: photo.full.width,
      height: photo.full.height,
      etag: photo.full.etag,
      thumbnailEtag: photo.thumbnail.etag,
    });
  } catch (error) {
    if (error instanceof BadUserInputError) await releasePhoto(deps.db, grant.photoId);
    throw error;
  }
  return { photoId: grant.photoId };
}
