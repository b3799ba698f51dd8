import { OrderNotPayableError } from '@stuffmart/common';
import { returnRedemption } from '../data-access/coupons.js';
import { settleAttempt } from '../data-access/attempts.js';
import { lockOrderCopy } from '../data-access/order-copies.js';
import { findSuccessfulPayment, insertPayment } from '../data-access/payments.js';
import type { AttemptRow, PaymentRow } from '../data-access/payments-database.js';
import { recordPaymentSucceeded } from '../events/payment-events.js';
import type { PaymentsDeps } from './payments-deps.js';
import { refundPayment } from './refund-payment.js';

export type Recorded = { payment: PaymentRow } | { refundedBecause: string };

/**
 * Records money taken for an attempt, once, whichever arrives first: the provider's reply or
 * its webhook. Under the order's lock: if the order was cancelled meanwhile (it expired during
 * the charge) the money goes back; if another attempt already paid it, this one goes back.
 */
export async function recordCharge(
  deps: PaymentsDeps,
  attempt: AttemptRow,
  providerRef: string | null,
): Promise<Recorded> {
  const result = await deps.db.transaction().execute(async (trx): Promise<Recorded> => {
    const order = await lockOrderCopy(trx, attempt.orderId);
    const settled = await settleAttempt(trx, attempt.id, ['PENDING', 'FAILED'], 'SUCCEEDED', { providerRef });
    if (!settled) {
      const existing = await findSuccessfulPayment(trx, attempt.orderId);
      if (existing) return { payment: existing };
    }
    const payment = await insertPayment(trx, {
      orderId: attempt.orderId,
      attemptId: attempt.id,
      amountCents: attempt.amountCents,
      currency: attempt.currency,
      status: 'SUCCEEDED',
      couponCode: attempt.couponCode,
      providerRef,
    });
    if (!payment) {
      // Another attempt paid this order first: this charge must not stand.
      if (providerRef && deps.stripe) await deps.stripe.refund(providerRef, attempt.id);
      return { refundedBecause: 'PAID' };
    }
    if (order?.status === 'CANCELLED') {
      await refundPayment(deps, trx, payment);
      return { refundedBecause: 'CANCELLED' };
    }
    await recordPaymentSucceeded(trx, payment);
    return { payment };
  });
  deps.relay.wake();
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
  });
}

export function assertRecorded(recorded: Recorded): PaymentRow {
  if ('payment' in recorded) return recorded.payment;
  throw new OrderNotPayableError(recorded.refundedBecause === 'PAID' ? 'COMPLETE' : 'CANCELLED');
}
