import { sql, type Kysely, type Transaction } from 'kysely';
import type { DomainEvent } from './domain-event.js';
import type { HandleOutcome } from './stream-consumer.js';

class NotYet extends Error {}

/**
 * Applies an event exactly once: its id is recorded in processed_events in the same
 * transaction as its effect, so a redelivery finds it there and changes nothing. A handler
 * that answers `retry` (a version gap) rolls everything back, the id included.
 */
export function transactionalHandler<DB, E extends DomainEvent = DomainEvent>(
  db: Kysely<DB>,
  stream: string,
  apply: (event: E, trx: Transaction<DB>) => Promise<HandleOutcome>,
  afterCommit?: (event: E) => void,
): (event: E) => Promise<HandleOutcome> {
  return async (event) => {
    try {
      const applied = await db.transaction().execute(async (trx) => {
        const inserted = await sql`
          INSERT INTO processed_events (event_id, stream) VALUES (${event.id}, ${stream})
          ON CONFLICT DO NOTHING RETURNING event_id`.execute(trx);
        if (inserted.rows.length === 0) return false;
        if ((await apply(event, trx)) === 'retry') throw new NotYet();
        return true;
      });
      if (applied) afterCommit?.(event);
      return 'done';
    } catch (error) {
      if (error instanceof NotYet) return 'retry';
      throw error;
    }
  };
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
