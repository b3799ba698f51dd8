import { CustomError, sendJson, type Route } from '@stuffmart/common';
import type { ServerResponse } from 'node:http';
import { findReadyPhoto } from '../data-access/photos.js';
import { photoKey, type PhotoSize } from '../data-access/photo-storage.js';
import type { CatalogDeps } from '../domain/catalog-deps.js';
import { UPLOAD_PATH } from '../domain/create-photo-upload.js';
import { receivePhoto } from '../domain/receive-photo.js';

/** Where the gateway fetches a photo's bytes; the same path is public on the gateway. */
export const PHOTO_FILE_PATH = '/photos/file';

/** A photo's bytes never change under its URL (a new photo is a new id): caches may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function sendError(res: ServerResponse, status: number, error: CustomError): void {
  sendJson(res, status, { errors: [{ message: error.message, extensions: error.extensions() }] });
}

const searchOf = (url: string | undefined) => new URL(url ?? '/', 'http://catalog').searchParams;

/** True when the client's If-None-Match names this ETag (or any, with `*`). */
function stillFresh(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const plain = tag.trim().replace(/^W\//, '');
    return plain === '*' || plain === etag;
  });
}

export function photoRoutes(deps: CatalogDeps): Record<string, Route> {
  return {
    [UPLOAD_PATH]: async (req, res) => {
      if (req.method !== 'PUT') return sendJson(res, 405, { error: 'Method not allowed' });
      try {
        const token = searchOf(req.url).get('token') ?? '';
        const answer = await receivePhoto(deps, token, req.headers['content-type'], req);
        sendJson(res, 201, answer);
      } catch (error) {
        if (error instanceof CustomError) return sendError(res, 400, error);
        throw error;
      }
    },
    [PHOTO_FILE_PATH]: async (req, res) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'Method not allowed' });
      const search = searchOf(req.url);
      const size: PhotoSize | null =
        search.get('size') === 'thumbnail' ? 'thumbnail' : search.get('size') === 'full' ? 'full' : null;
      const photo = size ? await findReadyPhoto(deps.db, search.get('id') ?? '') : undefined;
      if (!size || !photo) return sendJson(res, 404, { error: 'Not found' });
      const etag = (size === 'full' ? photo.etag : photo.thumbnailEtag)!;
      const headers = { etag, 'cache-control': IMMUTABLE };
      if (stillFresh(req.headers['if-none-match'], etag)) {
        res.writeHead(304, headers);
        return void res.end();
      }
      const bytes = await deps.photos.storage.get(photoKey(photo.id, size));
      if (!bytes) return sendJson(res, 404, { error: 'Not found' });
      res.writeHead(200, { ...headers, 'content-type': 'image/webp', 'content-length': bytes.length });
      res.end(req.method === 'HEAD' ? undefined : bytes);
    },
  };
}
