import { OrderNotPayableError, ServiceUnavailableError } from '@stuffmart/common';
import { settleAttempt } from '../data-access/attempts.js';
import { returnRedemption } from '../data-access/coupons.js';
import type { AttemptRow } from '../data-access/payments-database.js';
import { recordPaymentFailed } from '../events/payment-events.js';
import { awaitOrderCopyState } from './await-order-copy-state.js';
import type { PaymentsDeps } from './payments-deps.js';
import { isHeldFor } from './record-charge.js';

/** How long payOrder waits for orders to hold the order before it charges nothing and says so. */
const HOLD_WAIT_MS = 3000;

/**
 * The step before the pivot of the payment saga: orders must hold the order for this attempt
 * (past its expiry, until the payment's outcome arrives) before anything is charged, so the
 * charge and the expiry never cross. The hold was asked for with the attempt (payment.started);
 * this waits for orders' answer. When orders refuses (the order is no longer payable) or does
 * not answer in time, the attempt is closed unsent, its coupon redemption comes back, and
 * nothing was charged.
 */
export async function awaitHold(deps: PaymentsDeps, attempt: AttemptRow): Promise<void> {
  const answer = await awaitOrderCopyState(
    deps,
    attempt.orderId,
    HOLD_WAIT_MS,
    (order) => {
      if (order && order.status !== 'AWAITING_PAYMENT') return order.status;
      return isHeldFor(order, attempt.id) ? 'HELD' : undefined;
    },
    () =>
      deps.ordersWord.of(attempt.orderId) ??
      (isHeldFor(undefined, attempt.id, deps.ordersWord.holdOf(attempt.orderId)) ? 'HELD' : undefined),
  );
  if (answer === 'HELD') return;
  await closeUnsent(deps, attempt, answer ? `the order is ${answer}` : 'orders did not answer in time');
  if (answer) throw new OrderNotPayableError(answer);
  throw new ServiceUnavailableError();
}

async function closeUnsent(deps: PaymentsDeps, attempt: AttemptRow, reason: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const closed = await settleAttempt(trx, attempt.id, ['PENDING'], 'FAILED', { failureReason: reason });
    if (!closed) return;
    if (attempt.couponCode) await returnRedemption(trx, attempt.couponCode);
    // A hold that arrives after all is let go of at once.
    await recordPaymentFailed(trx, attempt);
  });
  deps.relay.wake();
}
