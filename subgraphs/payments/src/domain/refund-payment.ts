import type { Kysely } from 'kysely';
import { insertRefund } from '../data-access/payments.js';
import type { PaymentRow, PaymentsDatabase } from '../data-access/payments-database.js';
import type { PaymentsDeps } from './payments-deps.js';

/**
 * Gives back a payment whose order was cancelled before it could complete (it expired while
 * the charge was under way). Called inside the transaction that discovered it: if that
 * transaction fails, it is retried and Stripe's idempotency key makes the refund happen once.
 */
export async function refundPayment(
  deps: PaymentsDeps,
  trx: Kysely<PaymentsDatabase>,
  payment: PaymentRow,
): Promise<void> {
  const providerRef =
    payment.providerRef && deps.stripe ? await deps.stripe.refund(payment.providerRef, payment.id) : null;
  await insertRefund(trx, { paymentId: payment.id, providerRef, amountCents: payment.amountCents });
}
