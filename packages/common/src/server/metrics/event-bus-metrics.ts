import type pg from 'pg';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { DomainEvent } from '../../events/domain-event.js';
import type { HandleOutcome } from '../../events/stream-consumer.js';
import type { Logger } from 'pino';
import type { Redis } from '../../redis/create-redis.js';
import { deadLetterKey, streamKey } from '../../events/domain-event.js';

export interface EventBusMetricsOptions {
  registry: Registry;
  /** Without a key prefix: stream keys name the namespace themselves. */
  redis: Redis;
  namespace: string;
  /** The stream this process publishes to, whose consumer groups it reports on. */
  publisher: string;
  /** The service's database, when it has an outbox. */
  pool?: pg.Pool;
  logger: Logger;
}

/** XINFO GROUPS answers each group as a flat [name, value, name, value …] list. */
function fieldsOf(entry: unknown): Record<string, unknown> {
  const list = Array.isArray(entry) ? entry : [];
  const fields: Record<string, unknown> = {};
  for (let i = 0; i + 1 < list.length; i += 2) fields[String(list[i])] = list[i + 1];
  return fields;
}

/**
 * The event bus seen from outside, read at scrape time so the bus's own code stays as it is:
 * the outbox rows not yet published, each consumer group's lag (entries not yet delivered to
 * it) and pending entries (delivered, not yet acknowledged: in hand or being retried) on this
 * process' stream, and the entries parked on its dead-letter stream. A failed read leaves the
 * series out of that scrape rather than failing it.
 */
export function registerEventBusMetrics(options: EventBusMetricsOptions): void {
  const { registry, redis, namespace, publisher, pool, logger } = options;
  const stream = streamKey(namespace, publisher);
  if (pool) {
    new Gauge({
      name: 'stuffmart_outbox_backlog',
      help: 'Outbox rows committed and not yet published to the stream',
      registers: [registry],
      async collect() {
        try {
          const { rows } = await pool.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
          );
          this.set(rows[0]?.n ?? 0);
        } catch (error) {
          this.reset();
          logger.warn({ err: error }, 'outbox backlog could not be read for metrics');
        }
      },
    });
  }
  const groupGauge = (name: string, help: string, field: string) =>
    new Gauge({
      name,
      help,
      labelNames: ['stream', 'group'],
      registers: [registry],
      async collect() {
        this.reset();
        try {
          const groups = (await redis.call('XINFO', 'GROUPS', stream)) as unknown[];
          for (const group of groups.map(fieldsOf)) {
            const value = Number(group[field]);
            if (Number.isFinite(value)) this.set({ stream: publisher, group: String(group.name) }, value);
          }
        } catch (error) {
          // No stream yet (nothing published) is not worth a warning.
          if (!/no such key/i.test((error as Error).message)) {
            logger.warn({ err: error }, 'stream groups could not be read for metrics');
          }
        }
      },
    });
  groupGauge('stuffmart_events_consumer_lag', 'Entries of the stream not yet delivered to the consumer group', 'lag');
  groupGauge(
    'stuffmart_events_consumer_pending',
    'Entries delivered to the consumer group and not yet acknowledged (being handled or retried)',
    'pending',
  );
  new Gauge({
    name: 'stuffmart_events_dead_letters',
    help: "Entries parked on the stream's dead-letter stream after failing every try",
    labelNames: ['stream'],
    registers: [registry],
    async collect() {
      try {
        this.set({ stream: publisher }, await redis.xlen(deadLetterKey(namespace, publisher)));
      } catch (error) {
        this.reset();
        logger.warn({ err: error }, 'dead letters could not be counted for metrics');
      }
    },
  });
}

/** Events handled by this process' consumers, by stream and outcome. */
export function eventsHandledCounter(registry: Registry): Counter<'stream' | 'outcome'> {
  return new Counter({
    name: 'stuffmart_events_handled_total',
    help: 'Event deliveries handled, by stream and outcome: done; retry (waits for its predecessor); failed (threw, so it is retried, and parked after the last try)',
    labelNames: ['stream', 'outcome'],
    registers: [registry],
  });
}

/**
 * Wraps a handler to count what became of each delivery; the consumer's own retry and
 * dead-letter logic sees the same outcome or error, untouched.
 */
export function countHandlerOutcomes<E extends DomainEvent>(
  counter: Counter<'stream' | 'outcome'>,
  stream: string,
  handle: (event: E) => Promise<HandleOutcome>,
): (event: E) => Promise<HandleOutcome> {
  return async (event) => {
    try {
      const outcome = await handle(event);
      counter.inc({ stream, outcome });
      return outcome;
    } catch (error) {
      counter.inc({ stream, outcome: 'failed' });
      throw error;
    }
  };
}

/**
 * The same for a batch handler: each event's outcome counts once. A batch that throws counts
 * nothing: the consumer hands its events to the single handler one by one, which counts them.
 */
export function countBatchOutcomes<E extends DomainEvent>(
  counter: Counter<'stream' | 'outcome'>,
  stream: string,
  handleBatch: (events: E[]) => Promise<HandleOutcome[]>,
): (events: E[]) => Promise<HandleOutcome[]> {
  return async (events) => {
    const outcomes = await handleBatch(events);
    const done = outcomes.filter((outcome) => outcome === 'done').length;
    if (done > 0) counter.inc({ stream, outcome: 'done' }, done);
    if (done < outcomes.length) counter.inc({ stream, outcome: 'retry' }, outcomes.length - done);
    return outcomes;
  };
}
