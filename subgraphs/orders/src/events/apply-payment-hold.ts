import type { ContractEventOf, HandleOutcome } from '@stuffmart/common';
import type { PAYMENT_FAILED, PAYMENT_STARTED } from '@stuffmart/contract/events';
import type { Kysely } from 'kysely';
import { holdOrder, releaseHold } from '../data-access/orders.js';
import type { OrdersDatabase } from '../data-access/orders-database.js';
import { recordOrderHeld } from './order-events.js';

/**
 * Payments is about to charge: hold the order past its expiry until the payment's outcome
 * arrives (bounded), and say so. An order that cannot be held (cancelled, complete, expired)
 * gets no answer here: its cancellation or completion is already on its way to payments.
 */
export function applyPaymentStarted(holdSeconds: number) {
  return async (
    event: ContractEventOf<typeof PAYMENT_STARTED>,
    trx: Kysely<OrdersDatabase>,
  ): Promise<HandleOutcome> => {
    const { orderId, attemptId } = event.data;
    const held = await holdOrder(trx, orderId, attemptId, holdSeconds, new Date());
    if (held) await recordOrderHeld(trx, held);
    return 'done';
  };
}

/** The attempt ended without a charge: let go of its hold (a later attempt's hold stays). */
export async function applyPaymentFailed(
  event: ContractEventOf<typeof PAYMENT_FAILED>,
  trx: Kysely<OrdersDatabase>,
): Promise<HandleOutcome> {
  const { orderId, attemptId } = event.data;
  await releaseHold(trx, orderId, attemptId);
  return 'done';
}
