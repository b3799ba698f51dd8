import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startS3StandIn, type S3StandIn } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { signUp, type TestUser } from './support/users.js';

const PHOTO_FIELDS = 'id url thumbnailUrl width height';

interface PhotoUpload {
  photoId: string;
  uploadUrl: string;
  expiresAt: string;
}

function askForUpload(system: TestSystem, user: TestUser, contentType: string, byteSize: number) {
  return system.graphql<{ createPhotoUpload: PhotoUpload }>(
    `mutation ($contentType: String!, $byteSize: Int!) {
      createPhotoUpload(contentType: $contentType, byteSize: $byteSize) { photoId uploadUrl expiresAt }
    }`,
    { contentType, byteSize },
    { token: user.token },
  );
}

async function uploadUrlFor(system: TestSystem, user: TestUser, contentType: string, byteSize: number) {
  const { body } = await askForUpload(system, user, contentType, byteSize);
  if (!body.data) throw new Error(`createPhotoUpload failed: ${JSON.stringify(body.errors)}`);
  return body.data.createPhotoUpload;
}

async function put(url: string, bytes: Buffer, contentType: string) {
  const response = await fetch(url, { method: 'PUT', headers: { 'content-type': contentType }, body: bytes });
  return { status: response.status, body: (await response.json()) as any };
}

/** Uploads a file that must be accepted, announced as exactly what it is. */
async function upload(system: TestSystem, user: TestUser, bytes: Buffer, contentType = 'image/jpeg'): Promise<string> {
  const grant = await uploadUrlFor(system, user, contentType, bytes.length);
  const answer = await put(grant.uploadUrl, bytes, contentType);
  expect(answer).toEqual({ status: 201, body: { photoId: grant.photoId } });
  return grant.photoId;
}

/** A photo as a phone in a dorm room would take it: 2400×1800 and its position in the EXIF. */
async function jpegWithGps(background = { r: 200, g: 120, b: 40 }): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'DormCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 2964/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 17/1 4020/100',
      },
    })
    .toBuffer();
}

const smallPng = () =>
  sharp({ create: { width: 300, height: 500, channels: 3, background: { r: 10, g: 20, b: 30 } } })
    .png()
    .toBuffer();

function createStuffWithPhotos(system: TestSystem, user: TestUser, photoIds: string[]) {
  return system.graphql<any>(
    `mutation ($input: CreateStuffInput!) { createStuff(input: $input) { id version photos { ${PHOTO_FIELDS} } } }`,
    { input: { title: 'Desk lamp', priceCents: 900, photoIds } },
    { token: user.token },
  );
}

function updatePhotos(system: TestSystem, user: TestUser, id: string, photoIds: string[]) {
  return system.graphql<any>(
    `mutation ($id: ID!, $input: UpdateStuffInput!) { updateStuff(id: $id, input: $input) { version photos { id } } }`,
    { id, input: { photoIds } },
    { token: user.token },
  );
}

const codeOf = (body: any) => body.errors?.[0]?.extensions?.code;

describe('photos, stored in PostgreSQL (the default)', () => {
  let system: TestSystem;
  let seller: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    system = await startTestSystem();
    seller = await signUp(system, 'photo-seller@example.com');
    stranger = await signUp(system, 'photo-stranger@example.com');
  });
  afterAll(() => system?.close());

  it('takes a JPEG with GPS in its EXIF and serves it as WebP in two sizes with every metadata gone', async () => {
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    // The GPS IFD pointer (tag 0x8825, little-endian in sharp's EXIF): the position is really in the input.
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);

    const photoId = await upload(system, seller, original);
    const { body } = await createStuffWithPhotos(system, seller, [photoId]);
    expect(body.errors).toBeUndefined();
    const [photo] = body.data.createStuff.photos;
    expect(photo).toMatchObject({ id: photoId, width: 1600, height: 1200 });
    const origin = new URL(system.url).origin;
    expect(new URL(photo.url).origin).toBe(origin);
    expect(new URL(photo.thumbnailUrl).origin).toBe(origin);

    for (const [url, width, height] of [
      [photo.url, 1600, 1200],
      [photo.thumbnailUrl, 400, 300],
    ] as const) {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/webp');
      const stored = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(stored).toMatchObject({ format: 'webp', width, height });
      expect(stored.exif).toBeUndefined();
      expect(stored.icc).toBeUndefined();
      expect(stored.xmp).toBeUndefined();
    }
  });

  it('serves photos with immutable cache headers and an ETag, and 304 when the client has them', async () => {
    const photoId = await upload(system, seller, await smallPng(), 'image/png');
    const { body } = await createStuffWithPhotos(system, seller, [photoId]);
    const { url, width, height } = body.data.createStuff.photos[0];
    expect({ width, height }).toEqual({ width: 300, height: 500 });
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(url, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
  });

  it('refuses at createPhotoUpload an announced size over 10 MB and a type that is not JPEG, PNG or WebP', async () => {
    const tooBig = await askForUpload(system, seller, 'image/jpeg', 10 * 1024 * 1024 + 1);
    expect(codeOf(tooBig.body)).toBe('BAD_USER_INPUT');
    expect(tooBig.body.errors![0]!.extensions!.fields).toEqual([{ field: 'byteSize', message: expect.any(String) }]);
    const gif = await askForUpload(system, seller, 'image/gif', 1000);
    expect(gif.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'contentType', message: expect.any(String) }],
    });
    const signedOut = await system.graphql<any>(
      'mutation { createPhotoUpload(contentType: "image/jpeg", byteSize: 1000) { photoId } }',
    );
    expect(codeOf(signedOut.body)).toBe('UNAUTHENTICATED');
  });

  it('refuses a text file named .jpg, a file of another type than announced, and a Content-Type other than announced', async () => {
    const text = Buffer.from('this is not a picture, only text with a .jpg name\n'.repeat(20));
    const textGrant = await uploadUrlFor(system, seller, 'image/jpeg', text.length);
    const textAnswer = await put(textGrant.uploadUrl, text, 'image/jpeg');
    expect(textAnswer.status).toBe(400);
    expect(textAnswer.body.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'file', message: 'File is not a readable JPEG, PNG or WebP image' }],
    });

    const png = await smallPng();
    const pngAsJpeg = await uploadUrlFor(system, seller, 'image/jpeg', png.length);
    expect(codeOf((await put(pngAsJpeg.uploadUrl, png, 'image/jpeg')).body)).toBe('BAD_USER_INPUT');

    const wrongHeader = await uploadUrlFor(system, seller, 'image/png', png.length);
    const answer = await put(wrongHeader.uploadUrl, png, 'image/webp');
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.fields[0].field).toBe('contentType');
    // A refused file gives the URL back: the right file still goes in.
    expect(await put(wrongHeader.uploadUrl, png, 'image/png')).toEqual({
      status: 201,
      body: { photoId: wrongHeader.photoId },
    });
  });

  it('refuses more bytes than announced while streaming them', async () => {
    const jpeg = await jpegWithGps();
    const grant = await uploadUrlFor(system, seller, 'image/jpeg', 1000);
    const answer = await put(grant.uploadUrl, jpeg, 'image/jpeg');
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'file', message: 'File is larger than the 1000 bytes announced' }],
    });
  });

  it('refuses an upload URL used before, and one whose signature was tampered with', async () => {
    const png = await smallPng();
    const grant = await uploadUrlFor(system, seller, 'image/png', png.length);
    expect((await put(grant.uploadUrl, png, 'image/png')).status).toBe(201);
    const reused = await put(grant.uploadUrl, png, 'image/png');
    expect(reused.status).toBe(400);
    expect(reused.body.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'token', message: 'Upload URL has already been used' }],
    });

    // Claiming a bigger size with the same signature.
    const url = new URL((await uploadUrlFor(system, seller, 'image/png', 10)).uploadUrl);
    const [payload, signature] = url.searchParams.get('token')!.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    url.searchParams.set(
      'token',
      `${Buffer.from(JSON.stringify({ ...claims, s: png.length })).toString('base64url')}.${signature}`,
    );
    const forged = await put(url.toString(), png, 'image/png');
    expect(forged.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'token' }] });
  });

  it('builds upload URLs on the host the client addressed, never one a client names in X-Forwarded-Host without a trusted proxy', async () => {
    const { body } = await system.graphql<{ createPhotoUpload: PhotoUpload }>(
      'mutation { createPhotoUpload(contentType: "image/png", byteSize: 100) { uploadUrl } }',
      {},
      { token: seller.token, headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } },
    );
    const url = new URL(body.data!.createPhotoUpload.uploadUrl);
    expect(url.origin).toBe(new URL(system.url).origin);
    expect(url.pathname).toBe('/photos/upload');
  });

  it('takes an upload URL once when two PUTs race with it', async () => {
    const png = await smallPng();
    const grant = await uploadUrlFor(system, seller, 'image/png', png.length);
    const answers = await Promise.all([1, 2, 3].map(() => put(grant.uploadUrl, png, 'image/png')));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 400, 400]);
  });

  it('refuses an image of more than 40 megapixels, however small the file', async () => {
    const huge = await sharp({ create: { width: 8000, height: 5001, channels: 3, background: { r: 1, g: 2, b: 3 } } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const grant = await uploadUrlFor(system, seller, 'image/png', huge.length);
    const answer = await put(grant.uploadUrl, huge, 'image/png');
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'file', message: 'Image must be at most 40 megapixels' }],
    });
  });

  it("keeps the seller's order, replaces the list on update, and takes only the seller's own photos, at most 6", async () => {
    const png = await smallPng();
    const [a, b, c] = [
      await upload(system, seller, png, 'image/png'),
      await upload(system, seller, png, 'image/png'),
      await upload(system, seller, png, 'image/png'),
    ];
    const created = await createStuffWithPhotos(system, seller, [b!, a!]);
    const stuff = created.body.data.createStuff;
    expect(stuff.photos.map((photo: { id: string }) => photo.id)).toEqual([b, a]);

    const reordered = await updatePhotos(system, seller, stuff.id, [c!, a!]);
    expect(reordered.body.data.updateStuff).toEqual({ version: 1, photos: [{ id: c }, { id: a }] });
    const unchanged = await updatePhotos(system, seller, stuff.id, [c!, a!]);
    expect(unchanged.body.data.updateStuff.version).toBe(1);

    // a is this listing's: another listing cannot take it.
    expect(codeOf((await createStuffWithPhotos(system, seller, [a!])).body)).toBe('BAD_USER_INPUT');
    const theirs = await upload(system, stranger, png, 'image/png');
    const taken = await createStuffWithPhotos(system, seller, [theirs]);
    expect(taken.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'photoIds' }],
    });
    const seven = await createStuffWithPhotos(
      system,
      seller,
      Array.from({ length: 7 }, () => crypto.randomUUID()),
    );
    expect(seven.body.errors![0]!.extensions!.fields).toEqual([{ field: 'photoIds', message: 'At most 6 photos' }]);
    // A refused listing leaves the photos where they were.
    const again = await system.graphql<any>(`query ($id: ID!) { stuff(id: $id) { photos { id } } }`, { id: stuff.id });
    expect(again.body.data.stuff.photos).toEqual([{ id: c }, { id: a }]);
  });
});

describe('photos in an S3-compatible store, and the sweep of orphans', () => {
  let s3: S3StandIn;
  let system: TestSystem;
  let seller: TestUser;

  beforeAll(async () => {
    s3 = await startS3StandIn();
    system = await startTestSystem({ ...s3.env, PHOTO_SWEEP_INTERVAL_MS: '200' });
    seller = await signUp(system, 's3-seller@example.com');
  });
  afterAll(async () => {
    await system?.close();
    await s3?.close();
  });

  /** Moves every photo's clock back a day and an hour, as if the day had passed. */
  async function aDayPasses(): Promise<void> {
    const url = new URL(system.env.DATABASE_URL!);
    url.pathname = `/${system.env.STUFFMART_NAMESPACE}_catalog`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(`UPDATE photos SET unattached_since = unattached_since - interval '25 hours'`);
    } finally {
      await client.end();
    }
  }

  it('stores both sizes in the bucket and serves them back', async () => {
    const photoId = await upload(system, seller, await jpegWithGps());
    expect(await s3.keys()).toEqual(
      expect.arrayContaining([`photos/${photoId}/full.webp`, `photos/${photoId}/thumbnail.webp`]),
    );
    const { body } = await createStuffWithPhotos(system, seller, [photoId]);
    const response = await fetch(body.data.createStuff.photos[0].thumbnailUrl);
    expect(response.status).toBe(200);
    expect(await sharp(Buffer.from(await response.arrayBuffer())).metadata()).toMatchObject({
      format: 'webp',
      width: 400,
    });
  });

  it('deletes photos attached to nothing for a day, bytes and all, and keeps those in a listing', async () => {
    const png = await smallPng();
    const orphan = await upload(system, seller, png, 'image/png');
    const kept = await upload(system, seller, png, 'image/png');
    const removed = await upload(system, seller, png, 'image/png');
    const { body } = await createStuffWithPhotos(system, seller, [kept, removed]);
    const stuff = body.data.createStuff;
    const removedUrl = stuff.photos[1].url;
    await updatePhotos(system, seller, stuff.id, [kept]);
    expect((await fetch(removedUrl)).status).toBe(200);

    await aDayPasses();
    await eventually(
      async () => {
        const keys = await s3.keys();
        return keys.some((key) => key.includes(orphan) || key.includes(removed)) ? undefined : true;
      },
      10_000,
      'the sweep',
    );
    expect((await fetch(removedUrl)).status).toBe(404);
    expect(await s3.keys()).toEqual(
      expect.arrayContaining([`photos/${kept}/full.webp`, `photos/${kept}/thumbnail.webp`]),
    );
    expect((await fetch(stuff.photos[0].url)).status).toBe(200);
  });
});
