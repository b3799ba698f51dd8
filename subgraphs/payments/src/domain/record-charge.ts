import { OrderNotPayableError } from '@stuffmart/common';
import { returnRedemption } from '../data-access/coupons.js';
import { settleAttempt } from '../data-access/attempts.js';
import { lockOrderCopy } from '../data-access/order-copies.js';
import {
  findPaymentByAttempt,
  findSuccessfulPayment,
  insertPayment,
  markPaymentSucceeded,
} from '../data-access/payments.js';
import { requestRefund } from '../data-access/refund-requests.js';
import type { AttemptRow, OrderCopy, PaymentRow } from '../data-access/payments-database.js';
import { recordPaymentFailed, recordPaymentSucceeded } from '../events/payment-events.js';
import { queueRefund } from './queue-refund.js';
import type { PaymentsDeps } from './payments-deps.js';
import type { OrderHold } from './orders-word.js';

/**
 * A payment recorded this close to the end of the reservation (or of orders' hold on it) might
 * reach orders after the expiry has cancelled the order; it is given back instead, so an order
 * is never both paid and released. Far above the time an event takes from payments to orders.
 */
export const EXPIRY_GRACE_MS = 1000;

export type Recorded = { payment: PaymentRow } | { refundedBecause: 'COMPLETE' | 'CANCELLED' };

export function expiresTooSoon(order: OrderCopy, now = Date.now()): boolean {
  return order.expiresAt.getTime() <= now + EXPIRY_GRACE_MS;
}

/**
 * Orders holds the order for this attempt (order.held), long enough for its charge to be
 * recorded: as its copy says, or as orders' word read here says before the copy applied it.
 */
export function isHeldFor(
  order: OrderCopy | undefined,
  attemptId: string,
  heard?: OrderHold,
  now = Date.now(),
): boolean {
  const hold = order?.heldBy === attemptId && order.heldUntil ? { attemptId, heldUntil: order.heldUntil } : heard;
  return hold?.attemptId === attemptId && hold.heldUntil.getTime() > now + EXPIRY_GRACE_MS;
}

/**
 * Records money taken for an attempt, once, whichever arrives first: the provider's reply or
 * its webhook (a second call finds the first's payment). Under the order's lock: a charge for
 * an order that another attempt already paid, or that is cancelled or about to expire, is
 * queued for refund and its coupon redemption comes back.
 */
export async function recordCharge(
  deps: PaymentsDeps,
  attempt: AttemptRow,
  providerRef: string | null,
): Promise<Recorded> {
  const result = await deps.db.transaction().execute(async (trx): Promise<Recorded> => {
    const order = await lockOrderCopy(trx, attempt.orderId);
    const paid = await findSuccessfulPayment(trx, attempt.orderId);
    if (paid?.attemptId === attempt.id) return { payment: paid };
    const settled = await settleAttempt(trx, attempt.id, ['PENDING', 'FAILED'], 'SUCCEEDED', { providerRef });
    if (paid) {
      // Another attempt paid this order first: this charge must not stand.
      if (providerRef) {
        await requestRefund(trx, {
          paymentIntent: providerRef,
          paymentId: null,
          amountCents: attempt.amountCents,
          reason: 'second charge of a paid order',
        });
      }
      if (settled && attempt.state === 'PENDING' && attempt.couponCode) await returnRedemption(trx, attempt.couponCode);
      return { refundedBecause: 'COMPLETE' };
    }
    const failed = await findPaymentByAttempt(trx, attempt.id);
    const payment = failed
      ? await markPaymentSucceeded(trx, failed.id, providerRef)
      : await insertPayment(trx, {
          orderId: attempt.orderId,
          attemptId: attempt.id,
          amountCents: attempt.amountCents,
          currency: attempt.currency,
          status: 'SUCCEEDED',
          couponCode: attempt.couponCode,
          providerRef,
        });
    if (!payment) throw new Error('a successful payment appeared under the order lock');
    const payable =
      order?.status === 'AWAITING_PAYMENT' &&
      (isHeldFor(order, attempt.id, deps.ordersWord.holdOf(attempt.orderId)) || !expiresTooSoon(order));
    if (!payable) {
      await queueRefund(trx, payment, 'the order was cancelled or expired during the payment');
      return { refundedBecause: 'CANCELLED' };
    }
    await recordPaymentSucceeded(trx, payment);
    return { payment };
  });
  deps.relay.wake();
  if ('refundedBecause' in result) deps.refunds.wake();
  return result;
}

/** The provider declined: the order stays payable and the coupon redemption comes back. */
export async function recordDecline(
  deps: PaymentsDeps,
  attempt: AttemptRow,
  reason: string,
  providerRef: string | null,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const settled = await settleAttempt(trx, attempt.id, ['PENDING'], 'FAILED', { providerRef, failureReason: reason });
    if (!settled) return;
    await insertPayment(trx, {
      orderId: attempt.orderId,
      attemptId: attempt.id,
      amountCents: attempt.amountCents,
      currency: attempt.currency,
      status: 'FAILED',
      couponCode: attempt.couponCode,
      providerRef,
    });
    if (attempt.couponCode) await returnRedemption(trx, attempt.couponCode);
    await recordPaymentFailed(trx, attempt);
  });
  deps.relay.wake();
}

export function assertRecorded(recorded: Recorded): PaymentRow {
  if ('payment' in recorded) return recorded.payment;
  throw new OrderNotPayableError(recorded.refundedBecause);
}
