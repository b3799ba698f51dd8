import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DomainEvent } from './domain-event.js';
import { withTraceContext } from '../telemetry/trace-events.js';

/**
 * Writes an event to the outbox. Call it inside the transaction that makes the change: the
 * change and the news of it commit together or not at all, and the relay publishes later.
 */
export async function recordEvent<DB>(
  trx: Kysely<DB> | Transaction<DB>,
  stream: string,
  event: DomainEvent<object>,
): Promise<void> {
  await sql`INSERT INTO outbox (event_id, stream, event) VALUES (${event.id}, ${stream}, ${JSON.stringify(withTraceContext(event))}::jsonb)`.execute(
    trx,
  );
}

/**
 * The same outbox row as a part of a larger statement: `news AS (${recordEventFrom('created',
 * …)})` records the event only when the statement's CTE `source` holds a row, so a change and
 * its news take one round trip where that counts (a BUY).
 */
export function recordEventFrom(source: string, stream: string, event: DomainEvent<object>): RawBuilder<unknown> {
  return sql`INSERT INTO outbox (event_id, stream, event)
    SELECT ${event.id}, ${stream}, ${JSON.stringify(withTraceContext(event))}::jsonb FROM ${sql.table(source)}`;
}
