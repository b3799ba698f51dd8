import { sql, type Kysely, type Transaction } from 'kysely';
import { inEventSpan } from '../telemetry/trace-events.js';
import type { DomainEvent } from './domain-event.js';
import { batchHandlers, type EventHandlers, type HandleOutcome } from './stream-consumer.js';

/** An event of a batch answered `retry`: the whole batch rolled back, to be handled one by one. */
class BatchWaitsForEarlierVersion extends Error {
  constructor(readonly event: DomainEvent) {
    super(`${event.type} ${event.id} waits for earlier versions of ${event.subjectId}; the batch rolled back`);
  }
}

type Apply<DB, E> = (event: E, trx: Transaction<DB>) => Promise<HandleOutcome>;

export interface TransactionalOptions<E extends DomainEvent, DB = unknown> {
  /** Called for each event applied, once its transaction has committed. */
  afterCommit?: (event: E) => void;
  /**
   * The event types `apply` acts on. Any other is answered done with no transaction and no
   * record: handling it again would change nothing. (Catalog has nothing to do with the
   * order.held of every card payment, which would otherwise cost it a commit.)
   */
  types?: readonly string[];
  /**
   * Applies some of a batch's new events together, before the rest are applied one by one, and
   * answers those it applied: one statement for many where each would cost one (payments' copy
   * of every new order). Only for events that come first for their subject whatever else the
   * batch holds (a subject's first version), so applying them ahead keeps each subject's order.
   */
  applyAtOnce?: (events: E[], trx: Transaction<DB>) => Promise<E[]>;
}

/**
 * Applies a batch of events exactly once, all or nothing, in ONE transaction: one statement
 * records every id in processed_events and answers which are new, and only those are applied,
 * in order (an id met twice in the batch is applied once; those `applyAtOnce` takes, ahead). An event answering `retry` (a
 * version gap) rolls the whole batch back and throws, so the consumer falls back to handling
 * its entries one by one, where that event waits and the others apply. A batch of one answers
 * `retry` as the single handler does. Events of types it does not apply (`types`) are left out.
 */
export function transactionalBatchHandler<DB, E extends DomainEvent = DomainEvent>(
  db: Kysely<DB>,
  stream: string,
  apply: Apply<DB, E>,
  { afterCommit, types, applyAtOnce }: TransactionalOptions<E, DB> = {},
): (events: E[]) => Promise<HandleOutcome[]> {
  return async (events) => {
    const relevant = types ? events.filter((event) => types.includes(event.type)) : events;
    if (relevant.length === 0) return events.map(() => 'done');
    let applied: E[];
    try {
      applied = await db.transaction().execute(async (trx) => {
        const ids = [...new Set(relevant.map((event) => event.id))];
        // "AS id": a database opened with the camel-case plugin renames event_id in results.
        const inserted = await sql<{ id: string }>`
          INSERT INTO processed_events (event_id, stream) SELECT unnest(${ids}::text[]), ${stream}
          ON CONFLICT DO NOTHING RETURNING event_id AS id`.execute(trx);
        const fresh = new Set(inserted.rows.map((row) => row.id));
        // Deleted once taken: the same id later in the batch is a duplicate.
        const news = relevant.filter((event) => fresh.delete(event.id));
        // A statement that applies several events shows under the first one's span.
        const together = new Set(
          applyAtOnce && news.length > 0 ? await inEventSpan(news[0]!, () => applyAtOnce(news, trx)) : [],
        );
        for (const event of news) {
          if (together.has(event)) continue;
          if ((await inEventSpan(event, () => apply(event, trx))) === 'retry') {
            throw new BatchWaitsForEarlierVersion(event);
          }
        }
        return news;
      });
    } catch (error) {
      if (error instanceof BatchWaitsForEarlierVersion && events.length === 1) return ['retry'];
      throw error;
    }
    if (afterCommit) for (const event of applied) afterCommit(event);
    return events.map(() => 'done');
  };
}

/**
 * Applies an event exactly once: its id is recorded in processed_events in the same
 * transaction as its effect, so a redelivery finds it there and changes nothing. A handler
 * that answers `retry` (a version gap) rolls everything back, the id included.
 */
export function transactionalHandler<DB, E extends DomainEvent = DomainEvent>(
  db: Kysely<DB>,
  stream: string,
  apply: Apply<DB, E>,
  options: TransactionalOptions<E, DB> = {},
): (event: E) => Promise<HandleOutcome> {
  return transactionalHandlers(db, stream, apply, options).handle;
}

/** Both: the consumer applies a run of new entries in one transaction, and retries one by one. */
export function transactionalHandlers<DB, E extends DomainEvent = DomainEvent>(
  db: Kysely<DB>,
  stream: string,
  apply: Apply<DB, E>,
  options: TransactionalOptions<E, DB> = {},
): Required<EventHandlers<E>> {
  return batchHandlers(transactionalBatchHandler(db, stream, apply, options));
}

/**
 * The version rule for a local copy of another service's subject: the next version applies,
 * an older or equal one is already reflected, a later one must wait for those before it.
 */
export function versionGate(localVersion: number | undefined, eventVersion: number): 'apply' | 'stale' | 'wait' {
  const expected = localVersion === undefined ? 0 : localVersion + 1;
  if (eventVersion === expected) return 'apply';
  return eventVersion < expected ? 'stale' : 'wait';
}
