import { sql, type Migration } from 'kysely';

export const createPhotos: Migration = {
  async up(db) {
    // A row is written when its upload URL is first used (which is what makes the URL single
    // use), and completed once both WebP sizes are stored.
    await sql`
      CREATE TABLE photos (
        id uuid PRIMARY KEY,
        uploader_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'RECEIVING' CHECK (status IN ('RECEIVING', 'READY')),
        width integer,
        height integer,
        etag text,
        thumbnail_etag text,
        stuff_id uuid REFERENCES stuffs (id),
        position integer,
        unattached_since timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(db);
    await sql`CREATE INDEX photos_by_stuff ON photos (stuff_id, position)`.execute(db);
    await sql`CREATE INDEX photos_unattached ON photos (unattached_since) WHERE stuff_id IS NULL`.execute(db);
    // The bytes when PHOTO_STORAGE=postgres (the default).
    await sql`CREATE TABLE photo_files (key text PRIMARY KEY, bytes bytea NOT NULL)`.execute(db);
  },
  async down(db) {
    await sql`DROP TABLE photo_files`.execute(db);
    await sql`DROP TABLE photos`.execute(db);
  },
};
