/** The contract's limits on photos (schema/contract/README.md, "Photos"). */
export const PHOTO_CONTENT_TYPES = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type PhotoContentType = keyof typeof PHOTO_CONTENT_TYPES;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 40_000_000;
export const MAX_PHOTOS_PER_STUFF = 6;
export const UPLOAD_URL_TTL_MS = 15 * 60 * 1000;
/** The long side of each stored size. */
export const FULL_SIZE_PX = 1600;
export const THUMBNAIL_PX = 400;

export function isPhotoContentType(value: string): value is PhotoContentType {
  return Object.hasOwn(PHOTO_CONTENT_TYPES, value);
}
