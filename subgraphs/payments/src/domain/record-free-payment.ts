import type { Kysely } from 'kysely';
import { startAttempt, type NewAttempt } from '../data-access/attempts.js';
import { insertPayment } from '../data-access/payments.js';
import type { AttemptRow, OrderCopy, PaymentsDatabase } from '../data-access/payments-database.js';
import { recordPaymentSucceeded } from '../events/payment-events.js';
import { assertPayable } from './assert-payable.js';

/**
 * A payment that charges nothing (a 100% coupon) is recorded whole in the transaction that
 * redeemed its coupon, under the order's lock: its attempt, settled as it starts, its payment,
 * and payment.succeeded for orders. A refusal (the order is no longer payable) rolls the
 * redemption back with the rest: nothing happened.
 *
 * Orders is not asked to hold the order first. The hold exists so that a card charge and the
 * order's expiry never cross: a charge landing after the expiry would have to be given back
 * through Stripe. Nothing is charged here. If the order expires before orders completes it,
 * orders keeps it CANCELLED; the cancellation reaching payments finds this payment and gives
 * the coupon redemption back (queueRefund: a free payment is refunded internally), and
 * payOrder answers ORDER_NOT_PAYABLE. So the buyer waits for one round trip to orders (its word on the order), not two.
 */
export async function recordFreePayment(
  trx: Kysely<PaymentsDatabase>,
  copy: OrderCopy | undefined,
  attempt: NewAttempt,
): Promise<AttemptRow> {
  if (!copy) throw new Error(`the copy of order ${attempt.orderId} is gone`);
  assertPayable(copy);
  const started = await startAttempt(trx, attempt, 'SUCCEEDED');
  if (!started) throw new Error(`an attempt of order ${attempt.orderId} could not start under its lock`);
  const payment = await insertPayment(trx, {
    orderId: attempt.orderId,
    attemptId: started.id,
    amountCents: attempt.amountCents,
    currency: attempt.currency,
    status: 'SUCCEEDED',
    couponCode: attempt.couponCode,
    providerRef: null,
  });
  // The caller looked for one under the same lock.
  if (!payment) throw new Error('a successful payment appeared under the order lock');
  await recordPaymentSucceeded(trx, payment);
  return started;
}
