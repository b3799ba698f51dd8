import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { sql, type Generated, type Migration, type Transaction } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { baseConfigSchema, databaseConfigSchema } from '../config/base-config.js';
import { loadConfig } from '../config/load-config.js';
import { databaseName, openDatabase, type Database } from '../db/open-database.js';
import { createLogger } from '../logging/logger.js';
import { createRedis, type Redis } from '../redis/create-redis.js';
import { openSubgraphRuntime, type SubgraphRuntime } from '../server/subgraph-runtime.js';
import { ORDER_CREATED, type OrderCreated } from '@stuffmart/contract/events';
import {
  consumerName,
  createEventTables,
  deadLetterKey,
  heartbeatKey,
  isGroupReading,
  newEvent,
  OutboxRelay,
  parseEvent,
  readContractEvent,
  recordEvent,
  StreamConsumer,
  streamKey,
  transactionalBatchHandler,
  transactionalHandler,
  transactionalHandlers,
  versionGate,
  type DomainEvent,
  type EventReader,
  type HandleOutcome,
  type OutboxRelayOptions,
  type StreamConsumerOptions,
} from './index.js';

// The real PostgreSQL and Redis, under a namespace of this file's own. The cleanup below does
// what test-kit's dropNamespace does: test-kit depends on this package, so importing it here
// would make the two packages depend on each other.
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const namespace = `t_${randomBytes(5).toString('hex')}`;
/** The one database of this file: the test and the subgraph runtime under test share it. */
const SUBGRAPH = 'events';
const logger = createLogger('event-bus-test', process.env.TEST_LOG_LEVEL ?? 'silent');

/** What the handlers under test write: a local copy per subject, and a log of every application. */
interface Tables {
  copies: { subjectId: string; version: number; value: string };
  applications: {
    seq: Generated<number>;
    eventId: string;
    subjectId: string;
    version: number;
    appliedAt: Generated<Date>;
  };
}

const createCopyTables: Migration = {
  async up(db) {
    await sql`CREATE TABLE copies (subject_id text PRIMARY KEY, version int NOT NULL, value text NOT NULL)`.execute(db);
    await sql`
      CREATE TABLE applications (
        seq bigserial PRIMARY KEY,
        event_id text NOT NULL,
        subject_id text NOT NULL,
        version int NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`.execute(db);
  },
};

const migrations = { '0001_event_tables': createEventTables, '0002_copies': createCopyTables };

let database: Database<Tables>;
let bus: Redis;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  database = await openDatabase<Tables>({
    serverUrl: DATABASE_URL,
    namespace,
    subgraph: SUBGRAPH,
    migrations,
    logger,
  });
  bus = createRedis(REDIS_URL, namespace, logger, { keyPrefix: '' });
});

afterEach(async () => {
  // Consumers and relays first (they hold connections), newest first.
  while (cleanups.length > 0) await cleanups.pop()!();
});

afterAll(async () => {
  await database?.close();
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName(namespace, SUBGRAPH)}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  let cursor = '0';
  do {
    const [next, keys] = await bus.scan(cursor, 'MATCH', `${namespace}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await bus.del(...keys);
  } while (cursor !== '0');
  bus?.disconnect();
});

// ---- the handler under test: a local copy kept in version order ----

async function applyCopy(event: DomainEvent, trx: Transaction<Tables>): Promise<HandleOutcome> {
  const local = await trx
    .selectFrom('copies')
    .select('version')
    .where('subjectId', '=', event.subjectId)
    .forUpdate()
    .executeTakeFirst();
  const gate = versionGate(local?.version, event.subjectVersion);
  if (gate === 'wait') return 'retry';
  if (gate === 'apply') {
    const row = { subjectId: event.subjectId, version: event.subjectVersion, value: String(event.data.value) };
    await trx
      .insertInto('copies')
      .values(row)
      .onConflict((conflict) => conflict.column('subjectId').doUpdateSet({ version: row.version, value: row.value }))
      .execute();
    await trx
      .insertInto('applications')
      .values({ eventId: event.id, subjectId: event.subjectId, version: event.subjectVersion })
      .execute();
  }
  return 'done';
}

/** The test's own event type (copy.set) is no contract event: its consumers take envelopes as they are. */
const readAny: EventReader<DomainEvent> = (event) => event;

/** Both ways, as the subgraphs consume: runs of new entries in one transaction. */
function copyHandlers(stream: string) {
  return transactionalHandlers(database.db, stream, applyCopy);
}

// ---- helpers ----

function copyEvent(subjectId: string, version: number): DomainEvent {
  return newEvent('copy.set', subjectId, version, { value: `value ${version}` });
}

async function recordInTransaction(stream: string, events: DomainEvent[]): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    for (const event of events) await recordEvent(trx, stream, event);
  });
}

/** Puts envelopes on the stream exactly as the relay does (in one pipeline). */
async function xaddEvents(stream: string, events: DomainEvent[]): Promise<void> {
  const pipeline = bus.pipeline();
  for (const event of events) {
    pipeline.xadd(streamKey(namespace, stream), 'MAXLEN', '~', 1_000_000, '*', 'event', JSON.stringify(event));
  }
  await pipeline.exec();
}

async function xaddEvent(stream: string, event: DomainEvent): Promise<void> {
  await xaddEvents(stream, [event]);
}

async function streamEvents(key: string): Promise<DomainEvent[]> {
  const entries = await bus.xrange(key, '-', '+');
  return entries.map(([, fields]) => parseEvent(fields[fields.indexOf('event') + 1]!));
}

/** Redis answers XINFO and stream entries as flat [name, value, …] lists. */
function fieldsOf(flat: unknown[]): Record<string, unknown> {
  return Object.fromEntries(Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]));
}

async function groupInfo(stream: string, group: string): Promise<Record<string, unknown>> {
  const groups = (await bus.xinfo('GROUPS', streamKey(namespace, stream))) as unknown[][];
  return groups.map(fieldsOf).find((info) => info.name === group) ?? {};
}

async function pendingCount(stream: string, group: string): Promise<number> {
  const [count] = (await bus.xpending(streamKey(namespace, stream), group)) as [number, ...unknown[]];
  return count;
}

async function applications(subjectIds: string[]) {
  return database.db
    .selectFrom('applications')
    .selectAll()
    .where('subjectId', 'in', subjectIds)
    .orderBy('seq')
    .execute();
}

async function processedCount(stream: string): Promise<number> {
  const { rows } = await database.pool.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM processed_events WHERE stream = $1',
    [stream],
  );
  return rows[0]!.count;
}

async function unpublishedCount(stream: string): Promise<number> {
  const { rows } = await database.pool.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM outbox WHERE stream = $1 AND published_at IS NULL',
    [stream],
  );
  return rows[0]!.count;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

function startRelay(options: Partial<OutboxRelayOptions> = {}, Relay = OutboxRelay): OutboxRelay {
  const relay = new Relay({ pool: database.pool, redis: bus, namespace, logger, pollIntervalMs: 20, ...options });
  relay.start();
  cleanups.push(() => relay.stop());
  return relay;
}

type ConsumerOptions = Pick<StreamConsumerOptions, 'stream' | 'group'> & Partial<StreamConsumerOptions>;

/** A consumer on a connection of its own, as every consumer needs (XREADGROUP blocks it). */
async function startConsumer(options: ConsumerOptions, connection = bus.duplicate()): Promise<StreamConsumer> {
  // A test's own handler replaces both: a batch handler left beside it would bypass it.
  const { handle, handleBatch } = options.handle
    ? { handle: options.handle, handleBatch: options.handleBatch }
    : copyHandlers(options.stream);
  const consumer = new StreamConsumer({
    redis: connection,
    namespace,
    consumer: `consumer-${randomBytes(3).toString('hex')}`,
    read: readAny,
    logger,
    blockMs: 100,
    ...options,
    handle,
    handleBatch,
  });
  cleanups.push(async () => {
    await consumer.stop();
    connection.disconnect();
  });
  await consumer.start();
  return consumer;
}

function ourDatabaseUrl(): string {
  const url = new URL(DATABASE_URL);
  url.pathname = `/${database.name}`;
  return url.toString();
}

function uniqueStream(): string {
  return `s${randomBytes(4).toString('hex')}`;
}

// ---- behaviours ----

describe('the event bus', () => {
  it('never publishes an event whose transaction rolled back, and publishes and applies a committed one once', async () => {
    const stream = uniqueStream();
    const [rolledBack, committed] = [copyEvent(randomUUID(), 0), copyEvent(randomUUID(), 0)];
    await expect(
      database.db.transaction().execute(async (trx) => {
        await recordEvent(trx, stream, rolledBack);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await recordInTransaction(stream, [committed]);

    await startConsumer({ stream, group: 'readers' });
    const relay = startRelay();
    relay.wake();
    await waitFor('the committed event is applied', async () => (await applications([committed.subjectId])).length > 0);
    // Let the relay poll a few more times: nothing else may appear.
    await sleep(150);

    const published = await streamEvents(streamKey(namespace, stream));
    expect(published.map((event) => event.id)).toEqual([committed.id]);
    expect(await applications([rolledBack.subjectId, committed.subjectId])).toMatchObject([
      { eventId: committed.id, version: 0 },
    ]);
    const { rows } = await database.pool.query('SELECT event_id, published_at FROM outbox WHERE stream = $1', [stream]);
    expect(rows).toEqual([{ event_id: committed.id, published_at: expect.any(Date) }]);
    expect(await pendingCount(stream, 'readers')).toBe(0);
  });

  it('lets a consumer stopped while 200 events are published catch up on restart, in its group, losing nothing', async () => {
    const stream = uniqueStream();
    const group = 'catching-up';
    const name = 'orders-1';
    const subjects = Array.from({ length: 20 }, () => randomUUID());
    const events = Array.from({ length: 10 }, (_, version) => subjects.map((id) => copyEvent(id, version))).flat();
    const relay = startRelay();
    const first = await startConsumer({ stream, group, consumer: name });

    // 20 commits of 10 events each; the consumer stops after the 4th.
    for (let version = 0; version < 10; version++) {
      await recordInTransaction(stream, events.slice(version * 20, version * 20 + 10));
      await recordInTransaction(stream, events.slice(version * 20 + 10, version * 20 + 20));
      relay.wake();
      if (version === 1) await first.stop();
    }
    await waitFor('the relay has published all 200', async () => (await unpublishedCount(stream)) === 0);
    expect(await streamEvents(streamKey(namespace, stream))).toHaveLength(200);
    const appliedWhileStopped = (await applications(subjects)).length;
    expect(appliedWhileStopped).toBeLessThan(200);

    // The same consumer comes back (a new instance, as after a process restart).
    await startConsumer({ stream, group, consumer: name });
    await waitFor('all 200 are applied', async () => (await applications(subjects)).length === 200);
    await sleep(100);

    const applied = await applications(subjects);
    expect(new Set(applied.map((row) => row.eventId)).size).toBe(200);
    expect(applied.map((row) => row.eventId).sort()).toEqual(events.map((event) => event.id).sort());
    const copies = await database.db.selectFrom('copies').selectAll().where('subjectId', 'in', subjects).execute();
    expect(copies.every((copy) => copy.version === 9)).toBe(true);
    expect(await groupInfo(stream, group)).toMatchObject({ pending: 0, lag: 0, 'entries-read': 200 });
  });

  it('applies the same event delivered twice only once', async () => {
    const stream = uniqueStream();
    const event = copyEvent(randomUUID(), 0);
    await xaddEvent(stream, event);
    await xaddEvent(stream, event);
    await startConsumer({ stream, group: 'readers' });

    await waitFor('both deliveries are acknowledged', async () => {
      const info = await groupInfo(stream, 'readers');
      return info['entries-read'] === 2 && info.pending === 0;
    });
    expect(await applications([event.subjectId])).toMatchObject([{ eventId: event.id }]);
    expect(await processedCount(stream)).toBe(1);
  });

  it('holds a version-2 update that arrives before version 1 and applies it right after version 1, dropping nothing', async () => {
    const stream = uniqueStream();
    const subject = randomUUID();
    const [v0, v1, v2] = [0, 1, 2].map((version) => copyEvent(subject, version)) as [
      DomainEvent,
      DomainEvent,
      DomainEvent,
    ];
    await startConsumer({ stream, group: 'readers' });
    await xaddEvent(stream, v0);
    await xaddEvent(stream, v2);
    await waitFor('version 0 is applied', async () => (await applications([subject])).length === 1);
    // Long enough for version 2's retries to back off to several hundred milliseconds.
    await sleep(1000);
    // Version 2 has been read and tried, but waits: it is neither applied nor acknowledged.
    expect(await applications([subject])).toHaveLength(1);
    expect(await pendingCount(stream, 'readers')).toBe(1);

    await xaddEvent(stream, v1);
    await waitFor('version 2 is applied', async () => (await applications([subject])).length === 3);
    const applied = await applications([subject]);
    expect(applied.map((row) => row.eventId)).toEqual([v0.id, v1.id, v2.id]);
    // It follows its predecessor at once, not after sitting out the rest of its backoff.
    expect(applied[2]!.appliedAt.getTime() - applied[1]!.appliedAt.getTime()).toBeLessThan(250);
    expect(await database.db.selectFrom('copies').selectAll().where('subjectId', '=', subject).execute()).toEqual([
      { subjectId: subject, version: 2, value: 'value 2' },
    ]);
    await waitFor('everything is acknowledged', async () => (await pendingCount(stream, 'readers')) === 0);
    expect(await bus.exists(deadLetterKey(namespace, stream))).toBe(0);
  });

  it('applies once the duplicate left by a relay killed between XADD and marking the rows sent', async () => {
    const stream = uniqueStream();
    const subject = randomUUID();
    const events = [0, 1, 2, 3, 4].map((version) => copyEvent(subject, version));
    await recordInTransaction(stream, events);

    // The dying relay: claims the rows as OutboxRelay does, XADDs them, and its connection is
    // killed before the UPDATE, so the transaction (and its row locks) die with it.
    const dying = new pg.Client({ connectionString: ourDatabaseUrl() });
    await dying.connect();
    dying.on('error', () => undefined);
    const { rows: backend } = await dying.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await dying.query('BEGIN');
    const { rows } = await dying.query<{ event: DomainEvent }>(
      `SELECT position, stream, event FROM outbox WHERE published_at IS NULL AND stream = $1
       ORDER BY position FOR UPDATE SKIP LOCKED`,
      [stream],
    );
    expect(rows).toHaveLength(5);
    await xaddEvents(
      stream,
      rows.map((row) => row.event),
    );
    await database.pool.query('SELECT pg_terminate_backend($1)', [backend[0]!.pid]);
    await dying.end().catch(() => undefined);
    expect(await unpublishedCount(stream)).toBe(5);

    await startConsumer({ stream, group: 'readers' });
    startRelay().wake();
    await waitFor('the relay has published the rows again', async () => (await unpublishedCount(stream)) === 0);
    await waitFor('all ten entries are acknowledged', async () => {
      const info = await groupInfo(stream, 'readers');
      return info['entries-read'] === 10 && info.pending === 0;
    });

    const published = await streamEvents(streamKey(namespace, stream));
    expect(published.map((event) => event.id)).toEqual([...events, ...events].map((event) => event.id));
    expect((await applications([subject])).map((row) => row.eventId)).toEqual(events.map((event) => event.id));
    expect(await processedCount(stream)).toBe(5);
  });

  it('lets four relays at once publish all of 1000 rows, none of them twice', async () => {
    const stream = uniqueStream();
    const events = Array.from({ length: 1000 }, () => copyEvent(randomUUID(), 0));
    await recordInTransaction(stream, events);

    // Four replicas: each its own pool and its own Redis connection, connected before the race.
    const tallies = [0, 0, 0, 0];
    const replicas = await Promise.all(
      tallies.map(async () => {
        const pool = new pg.Pool({ connectionString: ourDatabaseUrl(), max: 1 });
        const redis = bus.duplicate();
        cleanups.push(async () => {
          await pool.end();
          redis.disconnect();
        });
        await Promise.all([pool.query('SELECT 1'), redis.ping()]);
        return { pool, redis };
      }),
    );
    const relays = replicas.map(({ pool, redis }, index) =>
      startRelay(
        { pool, redis, batchSize: 10 },
        class extends OutboxRelay {
          override async publishBatch(): Promise<number> {
            const published = await super.publishBatch();
            tallies[index]! += published;
            return published;
          }
        },
      ),
    );
    await waitFor('every row is published', async () => (await unpublishedCount(stream)) === 0);
    await Promise.all(relays.map((relay) => relay.stop()));

    const published = await streamEvents(streamKey(namespace, stream));
    expect(published).toHaveLength(1000);
    expect(new Set(published.map((event) => event.id)).size).toBe(1000);
    expect(tallies.reduce((sum, count) => sum + count, 0)).toBe(1000);
    // They did race: more than one of them published.
    expect(tallies.filter((count) => count > 0).length).toBeGreaterThan(1);
  });

  it('leaves rows unpublished while Redis refuses their XADD, and publishes them once when it accepts', async () => {
    const stream = uniqueStream();
    const events = [0, 1, 2].map((version) => copyEvent(randomUUID(), version));
    await recordInTransaction(stream, events);
    // A key of another type where the stream should be: every XADD to it fails (WRONGTYPE).
    await bus.set(streamKey(namespace, stream), 'not a stream');
    const relay = startRelay();
    relay.wake();
    await sleep(300);
    // The rows are marked in the transaction that claims them: the failed XADD rolled it back.
    expect(await unpublishedCount(stream)).toBe(3);

    await bus.del(streamKey(namespace, stream));
    relay.wake();
    await waitFor('every row is published', async () => (await unpublishedCount(stream)) === 0);
    const published = await streamEvents(streamKey(namespace, stream));
    expect(published.map((event) => event.id)).toEqual(events.map((event) => event.id));
  });

  it('retries a failing handler with growing backoff and parks it on the dead-letter stream after maxAttempts, acknowledged', async () => {
    const stream = uniqueStream();
    const [broken, flaky] = [copyEvent(randomUUID(), 0), copyEvent(randomUUID(), 0)];
    const attempts = new Map<string, number[]>([
      [broken.id, []],
      [flaky.id, []],
    ]);
    const handle = transactionalHandler(database.db, stream, async (event, trx) => {
      const times = attempts.get(event.id)!;
      times.push(Date.now());
      // Fails inside the transaction, after writing: nothing of a failed attempt may stay.
      const outcome = await applyCopy(event, trx);
      if (event.id === broken.id) throw new Error('the handler is broken');
      if (event.id === flaky.id && times.length <= 2) throw new Error('not this time');
      return outcome;
    });
    await startConsumer({ stream, group: 'readers', handle, maxAttempts: 3 });
    await xaddEvent(stream, broken);
    await xaddEvent(stream, flaky);

    await waitFor('the broken event is parked', async () => (await bus.xlen(deadLetterKey(namespace, stream))) === 1);
    await waitFor('everything is acknowledged', async () => (await pendingCount(stream, 'readers')) === 0);

    const tries = attempts.get(broken.id)!;
    expect(tries).toHaveLength(3);
    // The consumer's backoff: 200 ms after the first failure, 400 ms after the second.
    expect(tries[1]! - tries[0]!).toBeGreaterThanOrEqual(200);
    expect(tries[2]! - tries[1]!).toBeGreaterThanOrEqual(400);
    const [[, fields]] = (await bus.xrange(deadLetterKey(namespace, stream), '-', '+')) as [[string, string[]]];
    const parked = fieldsOf(fields);
    expect(parked).toMatchObject({ group: 'readers', error: 'the handler is broken' });
    expect(parseEvent(String(parked.event)).id).toBe(broken.id);

    expect(attempts.get(flaky.id)).toHaveLength(3);
    expect(await applications([broken.subjectId, flaky.subjectId])).toMatchObject([{ eventId: flaky.id }]);
    expect(await processedCount(stream)).toBe(1);
  });

  it('parks a contract event whose payload does not parse on the dead-letter stream, naming the field, unhandled, and goes on with the next', async () => {
    const stream = uniqueStream();
    const order = (expiresAt: unknown): OrderCreated => {
      const orderId = randomUUID();
      return {
        orderId,
        stuffId: randomUUID(),
        buyerId: randomUUID(),
        sellerId: randomUUID(),
        priceCents: 1500,
        currency: 'EUR',
        expiresAt: expiresAt as string,
      };
    };
    // Put on the stream as a publisher of another version might: envelopes of our contract's
    // types, one with a payload that does not fit it, one of a type this contract does not know.
    const malformed = newEvent(ORDER_CREATED, randomUUID(), 0, order(1_700_000_000));
    const unknown = newEvent('order.teleported', randomUUID(), 0, { orderId: randomUUID() });
    const fine = newEvent(ORDER_CREATED, randomUUID(), 0, order(new Date().toISOString()));
    await xaddEvents(stream, [malformed, unknown, fine]);

    const handled: DomainEvent[] = [];
    await startConsumer({
      stream,
      group: 'readers',
      read: readContractEvent,
      handle: async (event) => {
        handled.push(event);
        return 'done';
      },
    });
    await waitFor('the well-formed event is handled', async () => handled.length > 0);
    await waitFor('everything is acknowledged', async () => (await pendingCount(stream, 'readers')) === 0);

    expect(handled.map((event) => event.id)).toEqual([fine.id]);
    expect(handled[0]!.data).toEqual(fine.data);
    const dead = (await bus.xrange(deadLetterKey(namespace, stream), '-', '+')) as Array<[string, string[]]>;
    expect(dead).toHaveLength(1);
    const parked = fieldsOf(dead[0]![1]);
    expect(parked.group).toBe('readers');
    expect(parked.error).toMatch(/^order\.created: expiresAt: /);
    expect(parseEvent(String(parked.event)).id).toBe(malformed.id);
  });

  it('claims all the entries a dead consumer read but never acknowledged, in one claim round, and applies them', async () => {
    const stream = uniqueStream();
    const group = 'readers';
    const key = streamKey(namespace, stream);
    const subjects = Array.from({ length: 50 }, () => randomUUID());
    // 150 entries: more than one XAUTOCLAIM page, versions of a subject in order.
    const events = [0, 1, 2].flatMap((version) => subjects.map((id) => copyEvent(id, version)));
    await xaddEvents(stream, events);

    // A consumer reads them and dies before acknowledging anything.
    await bus.xgroup('CREATE', key, group, '0', 'MKSTREAM');
    const read = (await bus.xreadgroup('GROUP', group, 'dead-one', 'COUNT', 1000, 'STREAMS', key, '>')) as Array<
      [string, Array<[string, string[]]>]
    >;
    expect(read[0]![1]).toHaveLength(150);
    expect(await pendingCount(stream, group)).toBe(150);
    await sleep(400);

    // One claim round happens at start; the next would come only after 10 s.
    await startConsumer({ stream, group, consumer: 'alive-one', claimIdleMs: 300, claimIntervalMs: 10_000 });
    await waitFor(
      'the dead consumer’s entries are applied',
      async () => (await applications(subjects)).length === 150,
      4000,
    );
    await waitFor('they are acknowledged', async () => (await pendingCount(stream, group)) === 0);
    const applied = await applications(subjects);
    expect(applied.map((row) => row.eventId).sort()).toEqual(events.map((event) => event.id).sort());
    const pending = (await bus.xpending(key, group, '-', '+', 10)) as unknown[];
    expect(pending).toEqual([]);
  });

  it('claims within seconds the entries of a consumer whose heartbeat has lapsed, and leaves a living one’s alone', async () => {
    const stream = uniqueStream();
    const group = 'readers';
    const key = streamKey(namespace, stream);
    const [livingSubjects, deadSubjects] = [0, 1].map(() => Array.from({ length: 30 }, () => randomUUID()));
    const livingEvents = livingSubjects!.map((id) => copyEvent(id, 0));
    const deadEvents = deadSubjects!.map((id) => copyEvent(id, 0));
    await bus.xgroup('CREATE', key, group, '0', 'MKSTREAM');
    // Two peers read 30 entries each. One goes on beating (busy with its entries), the other
    // was killed: its last heartbeat runs out in a second, as a SIGKILLed process' would.
    await xaddEvents(stream, livingEvents);
    await bus.xreadgroup('GROUP', group, 'living-peer', 'COUNT', 100, 'STREAMS', key, '>');
    await xaddEvents(stream, deadEvents);
    await bus.xreadgroup('GROUP', group, 'killed-peer', 'COUNT', 100, 'STREAMS', key, '>');
    await bus.set(heartbeatKey(namespace, stream, group, 'living-peer'), '1', 'PX', 60_000);
    await bus.set(heartbeatKey(namespace, stream, group, 'killed-peer'), '1', 'PX', 1000);

    // Idle-time claims alone would take 30 s.
    const survivor = await startConsumer({ stream, group, consumer: 'survivor', claimIdleMs: 30_000 });
    expect(await bus.exists(heartbeatKey(namespace, stream, group, 'survivor'))).toBe(1);
    await waitFor(
      'the killed peer’s entries are applied',
      async () => (await applications(deadSubjects!)).length === 30,
      6000,
    );
    await waitFor('they are acknowledged', async () => (await pendingCount(stream, group)) === 30);
    const living = (await bus.xpending(key, group, '-', '+', 100, 'living-peer')) as unknown[];
    expect(living).toHaveLength(30);
    expect(await applications(livingSubjects!)).toEqual([]);

    // A consumer that stops withdraws its heartbeat, so what it leaves pending moves on at once.
    await survivor.stop();
    expect(await bus.exists(heartbeatKey(namespace, stream, group, 'survivor'))).toBe(0);
  });

  it('tells whether some consumer of a group reads its stream: while one runs, not once the last has stopped or its heartbeat has run out', async () => {
    const stream = uniqueStream();
    const group = 'readers';
    const key = streamKey(namespace, stream);
    expect(await isGroupReading(bus, namespace, stream, group)).toBe(false);
    const first = await startConsumer({ stream, group, consumer: 'first' });
    const second = await startConsumer({ stream, group, consumer: 'second' });
    expect(await isGroupReading(bus, namespace, stream, group)).toBe(true);
    await first.stop();
    expect(await isGroupReading(bus, namespace, stream, group)).toBe(true);
    await second.stop();
    expect(await isGroupReading(bus, namespace, stream, group)).toBe(false);

    // A killed consumer's last heartbeat is left to run out.
    await bus.xgroup('CREATECONSUMER', key, group, 'killed');
    await bus.set(heartbeatKey(namespace, stream, group, 'killed'), '1', 'PX', 300);
    expect(await isGroupReading(bus, namespace, stream, group)).toBe(true);
    await sleep(400);
    expect(await isGroupReading(bus, namespace, stream, group)).toBe(false);
  });

  it('lets a replica killed while holding events resume them at once when it restarts, before any claim', async () => {
    const stream = uniqueStream();
    const config = loadConfig(baseConfigSchema.extend(databaseConfigSchema.shape), {
      JWT_KEY: randomBytes(32).toString('base64url'),
      REDIS_URL,
      DATABASE_URL,
      STUFFMART_NAMESPACE: namespace,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATABASE_POOL_SIZE: '2',
    });
    // The replica serving on this port; what it is called is derived, not drawn at random.
    const port = 40_000 + Math.floor(Math.random() * 20_000);
    const name = consumerName(SUBGRAPH, port);
    expect(consumerName(SUBGRAPH, port)).toBe(name);
    const key = streamKey(namespace, stream);
    const subjects = Array.from({ length: 40 }, () => randomUUID());
    await xaddEvents(
      stream,
      subjects.map((id) => copyEvent(id, 0)),
    );
    // The replica's previous process read them all and was killed before acknowledging: its
    // heartbeat is still fresh, so no peer would claim them for seconds, nor by idle time for 30 s.
    await bus.xgroup('CREATE', key, SUBGRAPH, '0', 'MKSTREAM');
    await bus.xreadgroup('GROUP', SUBGRAPH, name, 'COUNT', 100, 'STREAMS', key, '>');
    await bus.set(heartbeatKey(namespace, stream, SUBGRAPH, name), '1', 'PX', 5000);

    const runtime = await openSubgraphRuntime<Tables>({ name: SUBGRAPH, config, migrations, port });
    cleanups.push(() => runtime.close());
    expect(runtime.consumerName).toBe(name);
    runtime.consume(stream, transactionalHandler(runtime.database.db, stream, applyCopy), readAny);
    await runtime.startConsumers();
    await waitFor('all 40 are applied', async () => (await applications(subjects)).length === 40, 2500);
    await waitFor('nothing is pending', async () => (await pendingCount(stream, SUBGRAPH)) === 0);
  });

  it('does not count a refused XACK as a handler failure: the applied event is acknowledged once Redis accepts, never parked', async () => {
    const stream = uniqueStream();
    const event = copyEvent(randomUUID(), 0);
    // A real refusal from Redis: the consumer's connection may do everything but XACK, for now.
    const user = `${namespace}_consumer`;
    const password = randomBytes(12).toString('hex');
    await bus.acl('SETUSER', user, 'reset', 'on', `>${password}`, '~*', '&*', '+@all', '-xack');
    cleanups.push(async () => {
      await bus.acl('DELUSER', user);
    });
    await startConsumer({ stream, group: 'readers', maxAttempts: 2 }, bus.duplicate({ username: user, password }));
    await xaddEvent(stream, event);

    await waitFor('the event is applied', async () => (await applications([event.subjectId])).length === 1);
    await sleep(500);
    expect(await bus.exists(deadLetterKey(namespace, stream))).toBe(0);
    expect(await pendingCount(stream, 'readers')).toBe(1);

    await bus.acl('SETUSER', user, '+xack');
    await waitFor('the entry is acknowledged', async () => (await pendingCount(stream, 'readers')) === 0, 5000);
    expect(await bus.exists(deadLetterKey(namespace, stream))).toBe(0);
    expect(await applications([event.subjectId])).toHaveLength(1);
  });

  it('stops a relay at once, even in the middle of a batch', async () => {
    const stream = uniqueStream();
    await recordInTransaction(stream, [copyEvent(randomUUID(), 0)]);
    let inBatch!: () => void;
    const batchEntered = new Promise<void>((resolve) => (inBatch = resolve));
    const relay = startRelay(
      { pollIntervalMs: 5000 },
      class extends OutboxRelay {
        override async publishBatch(): Promise<number> {
          const published = await super.publishBatch();
          if (published > 0) {
            inBatch();
            await sleep(100);
          }
          return published;
        }
      },
    );
    await batchEntered;
    const started = Date.now();
    await relay.stop();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('lets a subgraph closed while 200 events are published catch up when it starts again as a new process', async () => {
    const stream = uniqueStream();
    const config = loadConfig(baseConfigSchema.extend(databaseConfigSchema.shape), {
      JWT_KEY: randomBytes(32).toString('base64url'),
      REDIS_URL,
      DATABASE_URL,
      STUFFMART_NAMESPACE: namespace,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATABASE_POOL_SIZE: '4',
    });
    // Each open is what a subgraph process does at start, with a consumer name of its own.
    const openSubgraph = async (): Promise<SubgraphRuntime<Tables>> => {
      const runtime = await openSubgraphRuntime<Tables>({ name: SUBGRAPH, config, migrations });
      cleanups.push(() => runtime.close());
      runtime.consume(stream, transactionalHandler(runtime.database.db, stream, applyCopy), readAny);
      await runtime.startConsumers();
      return runtime;
    };
    const subjects = Array.from({ length: 20 }, () => randomUUID());
    const events = Array.from({ length: 10 }, (_, version) => subjects.map((id) => copyEvent(id, version))).flat();
    // The publishing subgraph's relay, which keeps running.
    const relay = startRelay();
    const first = await openSubgraph();

    for (let version = 0; version < 10; version++) {
      await recordInTransaction(stream, events.slice(version * 20, version * 20 + 10));
      await recordInTransaction(stream, events.slice(version * 20 + 10, version * 20 + 20));
      relay.wake();
      if (version === 1) await first.close();
    }
    await waitFor('the relay has published all 200', async () => (await unpublishedCount(stream)) === 0);
    expect((await applications(subjects)).length).toBeLessThan(200);

    // Far sooner than claimIdleMs (30 s): nothing the first process read may wait for a claim.
    await openSubgraph();
    await waitFor('all 200 are applied', async () => (await applications(subjects)).length === 200, 5000);
    const applied = await applications(subjects);
    expect(applied.map((row) => row.eventId).sort()).toEqual(events.map((event) => event.id).sort());
    await waitFor('nothing is pending in the group', async () => (await pendingCount(stream, SUBGRAPH)) === 0);
  });
});

describe('a consumer with a batch handler', () => {
  /** The copy handlers, with a tally of the calls and of the transactions that applied something. */
  function tallied(stream: string, poisoned?: string) {
    const tally = { batches: 0, singles: 0, transactions: new Set<string>() };
    const apply = async (event: DomainEvent, trx: Transaction<Tables>): Promise<HandleOutcome> => {
      if (event.id === poisoned) throw new Error('this event breaks its handler');
      const outcome = await applyCopy(event, trx);
      const { rows } = await sql<{ xid: string }>`SELECT txid_current()::text AS xid`.execute(trx);
      tally.transactions.add(rows[0]!.xid);
      return outcome;
    };
    const handleBatch = transactionalBatchHandler(database.db, stream, apply);
    const handle = transactionalHandler(database.db, stream, apply);
    return {
      tally,
      handleBatch: async (events: DomainEvent[]) => {
        tally.batches += 1;
        return handleBatch(events);
      },
      handle: async (event: DomainEvent) => {
        tally.singles += 1;
        return handle(event);
      },
    };
  }

  it('answers the types it does not apply with no transaction and no record, and applies the others', async () => {
    const stream = uniqueStream();
    const copies = Array.from({ length: 5 }, () => copyEvent(randomUUID(), 0));
    const notes = Array.from({ length: 5 }, () =>
      newEvent('copy.noted', randomUUID(), 0, { value: 'nothing to apply' }),
    );
    const seen: string[] = [];
    const apply = async (event: DomainEvent, trx: Transaction<Tables>): Promise<HandleOutcome> => {
      seen.push(event.type);
      return applyCopy(event, trx);
    };
    const handlers = transactionalHandlers(database.db, stream, apply, { types: ['copy.set'] });
    // Only notes: answered without touching the database at all.
    expect(await handlers.handleBatch(notes.slice(0, 2))).toEqual(['done', 'done']);
    expect(await processedCount(stream)).toBe(0);

    await xaddEvents(
      stream,
      copies.flatMap((copy, i) => [copy, notes[i]!]),
    );
    await startConsumer({ stream, group: 'readers', ...handlers });
    await waitFor(
      'all 10 are acknowledged',
      async () =>
        (await groupInfo(stream, 'readers')).pending === 0 &&
        (await groupInfo(stream, 'readers'))['entries-read'] === 10,
    );
    expect(seen).toEqual(copies.map(() => 'copy.set'));
    const applied = await applications(copies.map((event) => event.subjectId));
    expect(applied.map((row) => row.eventId)).toEqual(copies.map((event) => event.id));
    expect(await processedCount(stream)).toBe(5);
  });

  it('applies the first versions applyAtOnce takes in one statement, ahead of the rest of the batch, once', async () => {
    const stream = uniqueStream();
    const [a, b] = [randomUUID(), randomUUID()];
    const batch = [copyEvent(a, 0), copyEvent(b, 0), copyEvent(a, 1)];
    const calls: { together: string[][]; single: string[] } = { together: [], single: [] };
    const applyAtOnce = async (events: DomainEvent[], trx: Transaction<Tables>) => {
      const firsts = events.filter((event) => event.subjectVersion === 0);
      calls.together.push(firsts.map((event) => event.id));
      await trx
        .insertInto('copies')
        .values(firsts.map((event) => ({ subjectId: event.subjectId, version: 0, value: String(event.data.value) })))
        .execute();
      return firsts;
    };
    const apply = async (event: DomainEvent, trx: Transaction<Tables>): Promise<HandleOutcome> => {
      calls.single.push(event.id);
      return applyCopy(event, trx);
    };
    const handleBatch = transactionalBatchHandler(database.db, stream, apply, { applyAtOnce });
    expect(await handleBatch(batch)).toEqual(['done', 'done', 'done']);
    expect(calls).toEqual({ together: [[batch[0]!.id, batch[1]!.id]], single: [batch[2]!.id] });
    const copies = await database.db.selectFrom('copies').selectAll().where('subjectId', 'in', [a, b]).execute();
    expect(Object.fromEntries(copies.map((copy) => [copy.subjectId, copy.version]))).toEqual({ [a]: 1, [b]: 0 });

    // Delivered again: every id is known, so neither is called.
    expect(await handleBatch(batch)).toEqual(['done', 'done', 'done']);
    expect(calls.together).toHaveLength(1);
    expect(calls.single).toHaveLength(1);
  });

  it('applies a run of 50 new entries in one transaction and acknowledges them all', async () => {
    const stream = uniqueStream();
    const events = Array.from({ length: 50 }, () => copyEvent(randomUUID(), 0));
    await xaddEvents(stream, events);
    const { tally, ...handlers } = tallied(stream);
    await startConsumer({ stream, group: 'readers', ...handlers });

    await waitFor(
      'all 50 are acknowledged',
      async () =>
        (await groupInfo(stream, 'readers')).pending === 0 &&
        (await groupInfo(stream, 'readers'))['entries-read'] === 50,
    );
    const applied = await applications(events.map((event) => event.subjectId));
    expect(applied.map((row) => row.eventId)).toEqual(events.map((event) => event.id));
    expect(tally).toMatchObject({ batches: 1, singles: 0 });
    expect(tally.transactions.size).toBe(1);
    expect(await processedCount(stream)).toBe(50);
  });

  it('applies the others of a batch in which one event waits for its predecessor, and that one right after it, dropping nothing', async () => {
    const stream = uniqueStream();
    const [early, before, after] = [randomUUID(), randomUUID(), randomUUID()];
    const first = await startConsumer({ stream, group: 'readers' });
    await xaddEvent(stream, copyEvent(early, 0));
    await waitFor('the early subject has its version 0', async () => (await applications([early])).length === 1);
    await first.stop();

    // Version 2 of the early subject comes before its version 1, between two new subjects,
    // all read at once when the consumer comes back.
    const gapped = copyEvent(early, 2);
    await xaddEvents(stream, [copyEvent(before, 0), gapped, copyEvent(after, 0)]);
    const { tally, ...handlers } = tallied(stream);
    await startConsumer({ stream, group: 'readers', ...handlers });
    await waitFor('the others are applied', async () => (await applications([before, after])).length === 2);
    expect(tally.batches).toBe(1);
    await sleep(300);
    expect(await applications([early])).toHaveLength(1);
    expect(await pendingCount(stream, 'readers')).toBe(1);

    const missing = copyEvent(early, 1);
    await xaddEvent(stream, missing);
    await waitFor('version 2 is applied', async () => (await applications([early])).length === 3);
    expect((await applications([early])).map((row) => row.version)).toEqual([0, 1, 2]);
    await waitFor('everything is acknowledged', async () => (await pendingCount(stream, 'readers')) === 0);
    expect(await bus.exists(deadLetterKey(namespace, stream))).toBe(0);
    expect(await processedCount(stream)).toBe(5);
  });

  it('parks an event that breaks its handler after maxAttempts, and applies each of the others of its batch once', async () => {
    const stream = uniqueStream();
    const events = Array.from({ length: 20 }, () => copyEvent(randomUUID(), 0));
    const poisoned = events[7]!;
    await xaddEvents(stream, events);
    const { tally, ...handlers } = tallied(stream, poisoned.id);
    await startConsumer({ stream, group: 'readers', maxAttempts: 3, ...handlers });

    await waitFor('the poisoned event is parked', async () => (await bus.xlen(deadLetterKey(namespace, stream))) === 1);
    await waitFor('everything is acknowledged', async () => (await pendingCount(stream, 'readers')) === 0);
    const healthy = events.filter((event) => event !== poisoned);
    const applied = await applications(events.map((event) => event.subjectId));
    expect(applied.map((row) => row.eventId)).toEqual(healthy.map((event) => event.id));
    expect(await processedCount(stream)).toBe(19);
    const [[, fields]] = (await bus.xrange(deadLetterKey(namespace, stream), '-', '+')) as [[string, string[]]];
    expect(fieldsOf(fields)).toMatchObject({ group: 'readers', error: 'this event breaks its handler' });
    expect(parseEvent(String(fieldsOf(fields).event)).id).toBe(poisoned.id);
    // One batch, rolled back, then each alone: 20 singles, the poisoned one's two retries.
    expect(tally).toMatchObject({ batches: 1, singles: 22 });
  });

  it('changes nothing for a batch delivered again, nor for an event twice in one batch', async () => {
    const stream = uniqueStream();
    const subjects = Array.from({ length: 10 }, () => randomUUID());
    const events = subjects.map((id) => copyEvent(id, 0));
    // The relay's duplicates in one run, then the whole run again, read after a restart.
    await xaddEvents(stream, [...events, ...events]);
    const first = tallied(stream);
    const consumer = await startConsumer({
      stream,
      group: 'readers',
      handle: first.handle,
      handleBatch: first.handleBatch,
    });
    await waitFor(
      'the first 20 are acknowledged',
      async () =>
        (await groupInfo(stream, 'readers'))['entries-read'] === 20 && (await pendingCount(stream, 'readers')) === 0,
    );
    await consumer.stop();
    await xaddEvents(stream, events);
    const again = tallied(stream);
    await startConsumer({ stream, group: 'readers', handle: again.handle, handleBatch: again.handleBatch });
    await waitFor(
      'the redelivery is acknowledged',
      async () =>
        (await groupInfo(stream, 'readers'))['entries-read'] === 30 && (await pendingCount(stream, 'readers')) === 0,
    );

    expect((await applications(subjects)).map((row) => row.eventId)).toEqual(events.map((event) => event.id));
    expect(await processedCount(stream)).toBe(10);
    expect(first.tally).toMatchObject({ batches: 1, singles: 0 });
    expect(again.tally).toMatchObject({ batches: 1, singles: 0 });
    // The redelivered batch's transaction found every id processed and applied nothing.
    expect(again.tally.transactions.size).toBe(0);
  });
});
