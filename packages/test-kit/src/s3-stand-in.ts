import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

/** The part of s3rver's API used here (it ships no types). */
type S3rver = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: Array<{ name: string }>;
}) => { run(): Promise<{ port: number }>; close(): Promise<void> };
const S3rver = createRequire(import.meta.url)('s3rver') as S3rver;

export interface S3StandIn {
  /** The env that points catalog's PHOTO_STORAGE=s3 at it. */
  env: Record<string, string>;
  /** The keys stored in the bucket now, e.g. to see a sweep delete them. */
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

const BUCKET = 'stuffmart-photos';

/** s3rver: a real S3 API (path-style, SigV4) over a temporary directory, on a free port. */
export async function startS3StandIn(): Promise<S3StandIn> {
  const directory = await mkdtemp(join(tmpdir(), 's3-stand-in-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  return {
    env: {
      PHOTO_STORAGE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: BUCKET,
      // s3rver's fixed credentials.
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_REGION: 'us-east-1',
    },
    keys: async () => {
      const files = await readdir(join(directory, BUCKET), { recursive: true });
      // s3rver keeps each object as `<key>._S3rver_object` beside its metadata files.
      return files
        .filter((file) => file.endsWith('._S3rver_object'))
        .map((file) => file.replace(/\._S3rver_object$/, ''));
    },
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
