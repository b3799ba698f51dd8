import type { ContractEvent, HandleOutcome } from '@stuffmart/common/events';
import { ORDER_CANCELLED, ORDER_COMPLETED, ORDER_CREATED } from '@stuffmart/contract/events';
import type { Queue } from 'bullmq';
import { scheduleExpiration, withdrawExpiration, type ExpirationJob } from '../jobs/expiration-queue.js';

/** Order created: start its timer. Order settled: stop it. Both are safe to repeat. */
export function scheduleFromOrderEvents(queue: Queue<ExpirationJob>) {
  return async (event: ContractEvent): Promise<HandleOutcome> => {
    if (event.type === ORDER_CREATED) {
      await scheduleExpiration(queue, event.data.orderId, new Date(event.data.expiresAt));
    } else if (event.type === ORDER_CANCELLED || event.type === ORDER_COMPLETED) {
      await withdrawExpiration(queue, event.subjectId);
    }
    return 'done';
  };
}
