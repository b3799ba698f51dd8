import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { createRedis, type Redis } from '../redis/create-redis.js';
import { Notifications } from './notifications.js';
import { noticeTopic, PostgresNotices } from './postgres-notices.js';
import { RedisNotices } from './redis-notices.js';
import { waitFor } from './wait-for.js';

// The real PostgreSQL and Redis; channels of this file's own, so parallel runs do not meet.
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const channel = `t_${randomBytes(5).toString('hex')}`;
const logger = createLogger('notice-sources-test', process.env.TEST_LOG_LEVEL ?? 'silent');

/** Resolves on the next notice of `topic`; fails the test if none comes within 10 s. */
function nextNotice(notifications: Notifications, topic: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no notice of ${topic}`)), 10_000);
    const unsubscribe = notifications.on(topic)(() => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

describe('PostgresNotices', () => {
  const notifications = new Notifications();
  const listener = new PostgresNotices({ connectionString: DATABASE_URL }, notifications, logger, 100);
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });

  beforeAll(() => listener.listen(channel));
  afterAll(async () => {
    await listener.close();
    await pool.end();
  });

  it('passes on a NOTIFY when its transaction commits, as the topic of its channel and payload', async () => {
    const heard = nextNotice(notifications, noticeTopic(channel, 'order-1'));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_notify($1, $2)', [channel, 'order-1']);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await heard;
  });

  it('wakes a waiter on the change it waits for, committed on another connection', async () => {
    let value: string | undefined = undefined;
    const wait = waitFor({
      check: async () => value,
      on: notifications.on(noticeTopic(channel, 'order-2')),
      timeoutMs: 60_000,
    });
    value = 'complete';
    await pool.query('SELECT pg_notify($1, $2)', [channel, 'order-2']);
    expect(await wait).toBe('complete');
  });

  it('listens again after losing its connection, and has every waiter look again', async () => {
    const everyone = nextNotice(notifications, 'anything waited on');
    await pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1`, [
      `LISTEN "${channel}"`,
    ]);
    await everyone;
    const heard = nextNotice(notifications, noticeTopic(channel, 'order-3'));
    await pool.query('SELECT pg_notify($1, $2)', [channel, 'order-3']);
    await heard;
  });
});

describe('RedisNotices', () => {
  let publisher: Redis;
  let notices: RedisNotices;
  let subscriberId: number;
  const notifications = new Notifications();

  beforeAll(async () => {
    publisher = createRedis(REDIS_URL, channel, logger, { keyPrefix: '' });
    const subscriber = publisher.duplicate();
    subscriber.on('error', () => undefined);
    subscriberId = (await subscriber.client('ID')) as number;
    notices = new RedisNotices(subscriber, notifications);
    await notices.listen(`${channel}:outbox-clear-at`);
  });
  afterAll(() => {
    notices.close();
    publisher.disconnect();
  });

  it('passes on a message as the topic of its channel', async () => {
    const heard = nextNotice(notifications, `${channel}:outbox-clear-at`);
    await publisher.publish(`${channel}:outbox-clear-at`, '1');
    await heard;
  });

  it('has every waiter look again once it has reconnected', async () => {
    const everyone = nextNotice(notifications, 'anything waited on');
    await publisher.client('KILL', 'ID', subscriberId);
    await everyone;
    const heard = nextNotice(notifications, `${channel}:outbox-clear-at`);
    await publisher.publish(`${channel}:outbox-clear-at`, '2');
    await heard;
  });
});
