import { newContractEvent, recordEvent } from '@stuffmart/common';
import { PAYMENT_FAILED, PAYMENT_STARTED, PAYMENT_SUCCEEDED, STREAMS } from '@stuffmart/contract/events';
import type { Kysely } from 'kysely';
import type { AttemptRow, PaymentRow, PaymentsDatabase } from '../data-access/payments-database.js';

/** In the transaction that records the payment: orders completes the order from it. */
export async function recordPaymentSucceeded(trx: Kysely<PaymentsDatabase>, payment: PaymentRow): Promise<void> {
  const event = newContractEvent(PAYMENT_SUCCEEDED, payment.orderId, 0, {
    paymentId: payment.id,
    orderId: payment.orderId,
    amountCents: payment.amountCents,
    currency: payment.currency,
  });
  await recordEvent(trx, STREAMS.payments, event);
}

/** Before the charge: asks orders to hold the order for this attempt until its outcome arrives. */
export async function recordPaymentStarted(trx: Kysely<PaymentsDatabase>, attempt: AttemptRow): Promise<void> {
  const data = { orderId: attempt.orderId, attemptId: attempt.id };
  await recordEvent(trx, STREAMS.payments, newContractEvent(PAYMENT_STARTED, attempt.orderId, 0, data));
}

/** The attempt ended without a charge: orders lets go of the hold it kept for it. */
export async function recordPaymentFailed(trx: Kysely<PaymentsDatabase>, attempt: AttemptRow): Promise<void> {
  const data = { orderId: attempt.orderId, attemptId: attempt.id };
  await recordEvent(trx, STREAMS.payments, newContractEvent(PAYMENT_FAILED, attempt.orderId, 0, data));
}
