import { batchHandlers, type ContractEvent, type EventHandlers, type HandleOutcome } from '@stuffmart/common/events';
import { ORDER_CANCELLED, ORDER_COMPLETED, ORDER_CREATED } from '@stuffmart/contract/events';
import type { Queue } from 'bullmq';
import { scheduleExpirations, withdrawExpirations, type ExpirationJob } from '../jobs/expiration-queue.js';

/**
 * Order created: start its timer. Order settled: stop it. Both are safe to repeat, so a batch
 * that fails half way is all or nothing in effect: its events, handled again one by one,
 * leave the queue as if the batch had never run.
 */
export function scheduleFromOrderEvents(queue: Queue<ExpirationJob>): Required<EventHandlers<ContractEvent>> {
  const handleBatch = async (events: ContractEvent[]): Promise<HandleOutcome[]> => {
    const timers: Array<{ orderId: string; expiresAt: Date }> = [];
    const settled: string[] = [];
    for (const event of events) {
      if (event.type === ORDER_CREATED) {
        timers.push({ orderId: event.data.orderId, expiresAt: new Date(event.data.expiresAt) });
      } else if (event.type === ORDER_CANCELLED || event.type === ORDER_COMPLETED) {
        settled.push(event.subjectId);
      }
    }
    // Timers first: an order created and settled within the batch ends without one.
    await scheduleExpirations(queue, timers);
    await withdrawExpirations(queue, settled);
    return events.map(() => 'done');
  };
  return batchHandlers(handleBatch);
}
