import {
  ORDER_CANCELLED,
  ORDER_COMPLETED,
  ORDER_CREATED,
  type DomainEvent,
  type HandleOutcome,
  type OrderCreated,
} from '@stuffmart/common/events';
import type { Queue } from 'bullmq';
import { scheduleExpiration, withdrawExpiration, type ExpirationJob } from '../jobs/expiration-queue.js';

/** Order created: start its timer. Order settled: stop it. Both are safe to repeat. */
export function scheduleFromOrderEvents(queue: Queue<ExpirationJob>) {
  return async (event: DomainEvent): Promise<HandleOutcome> => {
    if (event.type === ORDER_CREATED) {
      const order = event.data as unknown as OrderCreated;
      await scheduleExpiration(queue, order.orderId, new Date(order.expiresAt));
    } else if (event.type === ORDER_CANCELLED || event.type === ORDER_COMPLETED) {
      await withdrawExpiration(queue, event.subjectId);
    }
    return 'done';
  };
}
