import { sql, type Migration } from 'kysely';

/**
 * Every subgraph that publishes or consumes events has these two tables: the outbox, written in
 * the same transaction as the change it reports, and the ids of events already applied, written
 * in the same transaction as their effect.
 */
export const createEventTables: Migration = {
  async up(db) {
    await sql`
      CREATE TABLE outbox (
        position bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        stream text NOT NULL,
        event jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`.execute(db);
    await sql`CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL`.execute(db);
    await sql`
      CREATE TABLE processed_events (
        event_id text NOT NULL,
        stream text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stream, event_id)
      )`.execute(db);
  },
  async down(db) {
    await sql`DROP TABLE processed_events`.execute(db);
    await sql`DROP TABLE outbox`.execute(db);
  },
};
