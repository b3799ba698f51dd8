import type { ContractEvent, EventHandlers } from '@stuffmart/common';
import { ORDER_CANCELLED, ORDER_COMPLETED, ORDER_HELD } from '@stuffmart/contract/events';
import type { OrdersWord } from '../domain/orders-word.js';

/**
 * Notes each order's end or hold as its event is read, before the handlers apply it, and wakes
 * that order's waiters (see OrdersWord).
 */
export function hearingOrdersWord(
  handlers: Required<EventHandlers<ContractEvent>>,
  word: OrdersWord,
  wake: (orderId: string) => void,
): Required<EventHandlers<ContractEvent>> {
  const hear = (event: ContractEvent) => {
    if (event.type === ORDER_HELD) {
      word.heardHold(event.subjectId, { attemptId: event.data.attemptId, heldUntil: new Date(event.data.heldUntil) });
      wake(event.subjectId);
      return;
    }
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
    handleBatch: (events) => {
      events.forEach(hear);
      return handlers.handleBatch(events);
    },
  };
}
