import type { Kysely } from 'kysely';
import { returnRedemption } from '../data-access/coupons.js';
import { isRefundRequested, requestRefund } from '../data-access/refund-requests.js';
import type { PaymentRow, PaymentsDatabase } from '../data-access/payments-database.js';

/**
 * Undoes a payment whose order will not complete: the charge is queued for refund (the
 * refunder calls Stripe after this transaction, holding no lock) and the coupon redemption
 * comes back. Doing it twice changes nothing.
 */
export async function queueRefund(trx: Kysely<PaymentsDatabase>, payment: PaymentRow, reason: string): Promise<void> {
  if (await isRefundRequested(trx, payment.id)) return;
  await requestRefund(trx, {
    paymentIntent: payment.providerRef ?? `free-${payment.id}`,
    paymentId: payment.id,
    amountCents: payment.amountCents,
    reason,
    ...(payment.providerRef ? {} : { refundedAt: new Date() }),
  });
  if (payment.couponCode) await returnRedemption(trx, payment.couponCode);
}
