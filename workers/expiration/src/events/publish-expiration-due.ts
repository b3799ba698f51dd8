import type { Redis } from '@stuffmart/common/runtime';
import { newContractEvent, streamKey } from '@stuffmart/common/events';
import { EXPIRATION_DUE, STREAMS } from '@stuffmart/contract/events';

/**
 * The worker has no database, so no outbox: the job itself is the durable record, and it is
 * retried until this XADD succeeds. A retry after a lost acknowledgement publishes the same
 * event id again, which orders applies once (cancelling a cancelled order changes nothing).
 */
export async function publishExpirationDue(redis: Redis, namespace: string, orderId: string): Promise<void> {
  const event = { ...newContractEvent(EXPIRATION_DUE, orderId, 0, { orderId }), id: `expiration-due:${orderId}` };
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
