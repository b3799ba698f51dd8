import type pg from 'pg';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { DomainEvent } from './domain-event.js';
import { streamKey } from './domain-event.js';
import { outboxClearKey, redisTime } from './news-check.js';
import { DrainLoop } from '../jobs/drain-loop.js';
import { tracePublish } from '../telemetry/trace-events.js';

export interface OutboxRelayOptions {
  pool: pg.Pool;
  /** A connection without key prefix: stream keys carry the namespace themselves. */
  redis: Redis;
  namespace: string;
  logger: Logger;
  batchSize?: number;
  /** How often to look for rows nobody woke us for (another replica's, or after a crash). */
  pollIntervalMs?: number;
  /** Far above the worst consumer lag, so a slow consumer never loses entries to trimming. */
  maxStreamLength?: number;
  /**
   * The service whose outbox this is. When given, the relay notes in Redis each time it finds
   * the outbox empty, so consumers can tell a subject that does not exist from one whose news
   * is still on its way (NewsCheck).
   */
  publisher?: string;
}

/**
 * Keeps only the latest of the times replicas report, whatever order they arrive in, and tells
 * the consumers waiting on it (NewsCheck.progress) on the channel of the same name.
 */
const SET_IF_LATER = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  redis.call('PUBLISH', KEYS[1], ARGV[1])
end
return 0`;

/**
 * Opens the relay's transaction and claims up to `limit` unpublished rows in one simple query
 * (several statements, no parameters: the limit is our own integer), so the events can leave
 * after one round trip to the database.
 */
function claimStatement(limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new Error(`outbox batch size must be a positive integer: ${limit}`);
  return `BEGIN;
    SET LOCAL synchronous_commit TO OFF;
    UPDATE outbox SET published_at = now() WHERE position IN (
      SELECT position FROM outbox WHERE published_at IS NULL ORDER BY position LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ) RETURNING position, stream, event`;
}

interface OutboxRow {
  position: string;
  stream: string;
  event: DomainEvent;
}

/**
 * Moves committed outbox rows to Redis Streams. Rows are claimed with FOR UPDATE SKIP LOCKED,
 * so several relays (replicas) never publish the same row at once; a relay that dies between
 * XADD and marking the rows sent leaves them to be published again, and consumers drop the
 * duplicate by event id.
 */
export class OutboxRelay extends DrainLoop {
  constructor(private readonly options: OutboxRelayOptions) {
    super({
      name: 'outbox relay',
      batchSize: options.batchSize ?? 200,
      pollIntervalMs: options.pollIntervalMs ?? 250,
      failurePauseMs: 1000,
      logger: options.logger,
    });
  }

  /**
   * Publishes one batch; returns how many rows it published. One round trip claims the rows:
   * they are marked published in the transaction that locks them (SKIP LOCKED), which commits
   * only once they are on their streams; a failed XADD rolls the mark back. The commit may be
   * lost in a crash of the database (asynchronous commit): the rows are then published again,
   * and consumers drop the duplicates by event id, so the relay need not wait for the disk.
   */
  async publishBatch(): Promise<number> {
    const { pool, redis, namespace, batchSize = 200, maxStreamLength = 1_000_000 } = this.options;
    const client = await pool.connect();
    let published = 0;
    try {
      const results = (await client.query(claimStatement(batchSize))) as unknown as Array<pg.QueryResult<OutboxRow>>;
      const rows = results[results.length - 1]!.rows.sort((a, b) => Number(a.position) - Number(b.position));
      if (rows.length > 0) {
        // The events leave carrying the relay's span as their trace parent (tracing on only).
        const traced = tracePublish(this.options.publisher ?? 'outbox', rows);
        const pipeline = redis.pipeline();
        for (const [i, row] of rows.entries()) {
          pipeline.xadd(
            streamKey(namespace, row.stream),
            'MAXLEN',
            '~',
            maxStreamLength,
            '*',
            'event',
            JSON.stringify(traced.events[i]),
          );
        }
        const replies = (await pipeline.exec().finally(() => traced.end())) ?? [];
        const failed = replies.find(([error]) => error);
        if (failed) throw failed[0];
        published = rows.length;
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return published;
  }

  /**
   * Published rows are kept a week (to trace what was sent), processed event ids a month
   * (far longer than any redelivery could come late), then deleted.
   */
  override async prune(): Promise<number> {
    const outbox = await this.options.pool.query("DELETE FROM outbox WHERE published_at < now() - interval '7 days'");
    const processed = await this.options.pool.query(
      "DELETE FROM processed_events WHERE processed_at < now() - interval '30 days'",
    );
    return (outbox.rowCount ?? 0) + (processed.rowCount ?? 0);
  }

  protected override async round(): Promise<number> {
    const published = await this.publishBatch();
    if (published === 0) {
      await this.noteClear().catch((error: unknown) =>
        this.options.logger.debug({ err: error }, 'could not note a clear outbox'),
      );
    }
    return published;
  }

  /**
   * Notes that every event committed before now is on its stream. The time is taken before
   * looking, and the look does not skip rows another replica is publishing right now.
   */
  private async noteClear(): Promise<void> {
    const { pool, redis, namespace, publisher } = this.options;
    if (!publisher) return;
    const checkedAt = await redisTime(redis);
    const { rows } = await pool.query<{ waiting: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM outbox WHERE published_at IS NULL) AS waiting',
    );
    if (rows[0]?.waiting) return;
    await redis.eval(SET_IF_LATER, 1, outboxClearKey(namespace, publisher), checkedAt, 3_600_000);
  }
}
