import { newEvent, PAYMENT_SUCCEEDED, recordEvent, STREAMS, type PaymentSucceeded } from '@stuffmart/common';
import type { Kysely } from 'kysely';
import type { PaymentRow, PaymentsDatabase } from '../data-access/payments-database.js';

/** In the transaction that records the payment: orders completes the order from it. */
export async function recordPaymentSucceeded(trx: Kysely<PaymentsDatabase>, payment: PaymentRow): Promise<void> {
  const data: PaymentSucceeded = {
    paymentId: payment.id,
    orderId: payment.orderId,
    amountCents: payment.amountCents,
    currency: payment.currency,
  };
  await recordEvent(trx, STREAMS.payments, newEvent(PAYMENT_SUCCEEDED, payment.orderId, 0, data));
}
