import { sql, type Kysely, type Transaction } from 'kysely';
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
