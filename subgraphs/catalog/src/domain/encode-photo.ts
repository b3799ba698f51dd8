import { createHash } from 'node:crypto';
import { BadUserInputError } from '@stuffmart/common';
import sharp, { type Metadata } from 'sharp';
import {
  FULL_SIZE_PX,
  MAX_PHOTO_PIXELS,
  PHOTO_CONTENT_TYPES,
  THUMBNAIL_PX,
  type PhotoContentType,
} from './photo-rules.js';

export interface EncodedImage {
  bytes: Buffer;
  width: number;
  height: number;
  /** A strong validator of these bytes, quoted as the ETag header wants it. */
  etag: string;
}

export interface EncodedPhoto {
  full: EncodedImage;
  thumbnail: EncodedImage;
}

const refuse = (message: string) => new BadUserInputError([{ field: 'file', message }]);

/** Only the first frame, and never more pixels than the contract allows (sharp checks this while decoding). */
const decode = (bytes: Buffer) =>
  sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, animated: false, failOn: 'error' });

async function encode(bytes: Buffer, longSide: number): Promise<EncodedImage> {
  // sharp writes no metadata unless asked to (withMetadata/keepExif): EXIF, GPS, XMP and ICC
  // all stay behind. rotate() first turns the pixels the way the EXIF orientation said.
  const { data, info } = await decode(bytes)
    .rotate()
    .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 82 })
    .toBuffer({ resolveWithObject: true });
  const etag = `"${createHash('sha256').update(data).digest('base64url').slice(0, 32)}"`;
  return { bytes: data, width: info.width, height: info.height, etag };
}

/**
 * Decodes the upload as what it was announced to be, and re-encodes it as WebP in two sizes.
 * Anything sharp cannot decode (a text file named .jpg), another format than announced, or
 * more than 40 megapixels is the uploader's error.
 */
export async function encodePhoto(bytes: Buffer, announced: PhotoContentType): Promise<EncodedPhoto> {
  let metadata: Metadata;
  try {
    // The header alone, without the pixel limit, so that a huge image gets its own message.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw refuse('File is not a readable JPEG, PNG or WebP image');
  }
  if (metadata.format !== PHOTO_CONTENT_TYPES[announced]) throw refuse(`File is not ${announced} as announced`);
  if (!metadata.width || !metadata.height || metadata.width * metadata.height > MAX_PHOTO_PIXELS)
    throw refuse(`Image must be at most ${MAX_PHOTO_PIXELS / 1_000_000} megapixels`);
  try {
    return { full: await encode(bytes, FULL_SIZE_PX), thumbnail: await encode(bytes, THUMBNAIL_PX) };
  } catch {
    // A header that reads well over a body that does not (a truncated file).
    throw refuse('File is not a readable JPEG, PNG or WebP image');
  }
}
