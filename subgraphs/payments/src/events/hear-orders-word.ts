import type { ContractEvent, EventHandlers } from '@stuffmart/common';
import { ORDER_CANCELLED, ORDER_COMPLETED } from '@stuffmart/contract/events';
import type { OrdersWord } from '../domain/orders-word.js';

/**
 * Notes each order's end as its event is read, before the handlers apply it, and wakes that
 * order's waiters (see OrdersWord).
 */
export function hearingOrdersWord(
  handlers: EventHandlers<ContractEvent>,
  word: OrdersWord,
  wake: (orderId: string) => void,
): EventHandlers<ContractEvent> {
  const hear = (event: ContractEvent) => {
    const end = event.type === ORDER_COMPLETED ? 'COMPLETE' : event.type === ORDER_CANCELLED ? 'CANCELLED' : undefined;
    if (!end) return;
    word.heard(event.subjectId, end);
    wake(event.subjectId);
  };
  return {
    handle: (event) => {
      hear(event);
      return handlers.handle(event);
    },
    handleBatch:
      handlers.handleBatch &&
      ((events) => {
        events.forEach(hear);
        return handlers.handleBatch!(events);
      }),
  };
}
