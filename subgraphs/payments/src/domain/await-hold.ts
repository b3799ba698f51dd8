import { OrderNotPayableError, ServiceUnavailableError } from '@stuffmart/common';
import { settleAttempt } from '../data-access/attempts.js';
import { returnRedemption } from '../data-access/coupons.js';
import type { AttemptRow, OrderCopy } from '../data-access/payments-database.js';
import { recordPaymentFailed } from '../events/payment-events.js';
import { LONGEST_CALL_MS } from '../provider/stripe-gateway.js';
import { awaitOrderCopyState } from './await-order-copy-state.js';
import type { PayOrderInput } from './pay-order.js';
import type { PaymentsDeps } from './payments-deps.js';
import { EXPIRY_GRACE_MS, isHeldFor } from './record-charge.js';

/** How long payOrder waits for orders to hold the order before it charges nothing and says so. */
const HOLD_WAIT_MS = 3000;

/**
 * A reservation with this much time left cannot run out under a charge sent now: the call to
 * Stripe ends (answered or given up) well before, and its payment is recorded and on its way
 * to orders.
 */
export const CHARGE_OUTLASTED_MS = 2 * LONGEST_CALL_MS + EXPIRY_GRACE_MS;

/**
 * Whether orders must hold the order before this payment's card is charged. The hold keeps a
 * charge and the expiry from crossing: a charge landing after the expiry goes back through
 * Stripe. A charge sent with the reservation this far from its end is answered and recorded
 * long before it, so orders is not asked first: the buyer is spared the hold's round trip (two
 * events and orders' transaction, a fifth of a card payment on two cores), and orders, catalog
 * and the worker the work of it. The hold is asked for later only where an outcome can come
 * late: a bank's confirmation (3-D Secure) or a reply that never came (charge-attempt.ts). With
 * orders not reading payments' stream, it comes first whatever the time: nothing is charged
 * that orders cannot take.
 */
export async function holdComesFirst(
  deps: PaymentsDeps,
  order: OrderCopy,
  input: PayOrderInput,
  now = Date.now(),
): Promise<boolean> {
  // Without a card nothing is charged: a free payment, or a refusal.
  if (!input.paymentMethodId) return true;
  if (order.expiresAt.getTime() - now < CHARGE_OUTLASTED_MS) return true;
  return !(await deps.ordersReading());
}

/**
 * The step before the pivot of the payment saga, when the hold comes first: orders holds the
 * order for this attempt (past its expiry, until the payment's outcome arrives) before anything
 * is charged. The hold was asked for with the attempt (payment.started); this waits for orders'
 * answer. When orders refuses (the order is no longer payable) or does not answer in time, the
 * attempt is closed unsent, its coupon redemption comes back, and nothing was charged.
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
