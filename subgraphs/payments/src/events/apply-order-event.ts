import { versionGate, type ContractEvent, type ContractEventOf, type HandleOutcome } from '@stuffmart/common';
import { ORDER_CANCELLED, ORDER_COMPLETED, ORDER_CREATED, ORDER_HELD } from '@stuffmart/contract/events';
import type { Kysely } from 'kysely';
import { insertOrderCopies, lockOrderCopy, setOrderCopyHold, setOrderCopyStatus } from '../data-access/order-copies.js';
import { findSuccessfulPayment } from '../data-access/payments.js';
import type { PaymentsDatabase } from '../data-access/payments-database.js';
import { queueRefund } from '../domain/queue-refund.js';

/**
 * Keeps the local copy of each order, one version after another. A cancellation that finds
 * the order paid (the charge finished after the reservation expired) queues a refund: the
 * order was never completed, so the buyer must not pay for stuff they did not get.
 */
export function applyOrderEvent() {
  return async (event: ContractEvent, trx: Kysely<PaymentsDatabase>): Promise<HandleOutcome> => {
    const local = await lockOrderCopy(trx, event.subjectId);
    if (event.type === ORDER_HELD) {
      // A hold is no new version of the order: it is noted beside the copy, once the copy exists.
      if (!local) return 'retry';
      await setOrderCopyHold(trx, event.subjectId, event.data.attemptId, new Date(event.data.heldUntil));
      return 'done';
    }
    const gate = versionGate(local?.version, event.subjectVersion);
    if (gate === 'wait') return 'retry';
    if (gate === 'stale') return 'done';
    if (event.type === ORDER_CREATED) {
      await insertOrderCopies(trx, [event.data]);
    } else if (event.type === ORDER_COMPLETED) {
      await setOrderCopyStatus(trx, event.subjectId, 'COMPLETE', event.subjectVersion);
    } else if (event.type === ORDER_CANCELLED) {
      await setOrderCopyStatus(trx, event.subjectId, 'CANCELLED', event.subjectVersion);
      const payment = await findSuccessfulPayment(trx, event.subjectId);
      if (payment) await queueRefund(trx, payment, 'the order was cancelled before its payment reached it');
    }
    return 'done';
  };
}

function isFirstVersion(event: ContractEvent): event is ContractEventOf<typeof ORDER_CREATED> {
  return event.type === ORDER_CREATED && event.subjectVersion === 0;
}

/**
 * A batch's new orders (their first version), copied in one statement before its other events
 * apply: the gate would say "apply" when there is no copy and "stale" when there is, which is
 * what the insert does on its own. Every BUY pays for it, so a batch of them costs one statement.
 */
export async function applyNewOrders(events: ContractEvent[], trx: Kysely<PaymentsDatabase>): Promise<ContractEvent[]> {
  const created = events.filter(isFirstVersion);
  await insertOrderCopies(
    trx,
    created.map((event) => event.data),
  );
  return created;
}
