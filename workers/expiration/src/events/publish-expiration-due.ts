import type { Redis } from '@stuffmart/common/runtime';
import { EXPIRATION_DUE, STREAMS, streamKey, type DomainEvent, type ExpirationDue } from '@stuffmart/common/events';

/**
 * The worker has no database, so no outbox: the job itself is the durable record, and it is
 * retried until this XADD succeeds. A retry after a lost acknowledgement publishes the same
 * event id again, which orders applies once (cancelling a cancelled order changes nothing).
 */
export async function publishExpirationDue(redis: Redis, namespace: string, orderId: string): Promise<void> {
  const event: DomainEvent<ExpirationDue> = {
    id: `expiration-due:${orderId}`,
    type: EXPIRATION_DUE,
    subjectId: orderId,
    subjectVersion: 0,
    occurredAt: new Date().toISOString(),
    data: { orderId },
  };
  await redis.xadd(
    streamKey(namespace, STREAMS.expiration),
    'MAXLEN',
    '~',
    1_000_000,
    '*',
    'event',
    JSON.stringify(event),
  );
}
