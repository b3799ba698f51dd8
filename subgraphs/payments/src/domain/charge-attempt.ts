import { PaymentFailedError } from '@stuffmart/common';
import type { Kysely } from 'kysely';
import { markOutcomeUnknown, markRequiresAction } from '../data-access/attempts.js';
import { findPaymentByAttempt } from '../data-access/payments.js';
import type { AttemptRow, PaymentsDatabase } from '../data-access/payments-database.js';
import { recordPaymentStarted } from '../events/payment-events.js';
import { awaitPaymentOutcome, requiresAction, type PaymentAnswer } from './payment-answer.js';
import type { PaymentsDeps } from './payments-deps.js';
import { assertRecorded, recordCharge, recordDecline } from './record-charge.js';

/**
 * The pivot of the payment saga: sends the attempt to the provider (again, if it was sent
 * before: same key, same charge) and records what it answers. An attempt already charged
 * (a free payment is, as it opens) answers its payment. One that costs nothing but was left open
 * by an older version (free payments were held then) is recorded as charged without calling anyone.
 */
export async function chargeAttempt(deps: PaymentsDeps, attempt: AttemptRow): Promise<PaymentAnswer> {
  if (attempt.state === 'SUCCEEDED') {
    const payment = await findPaymentByAttempt(deps.db, attempt.id);
    if (payment) return awaitPaymentOutcome(deps, payment);
  }
  if (attempt.amountCents === 0) {
    return awaitPaymentOutcome(deps, assertRecorded(await recordCharge(deps, attempt, null)));
  }
  if (!deps.stripe || !attempt.paymentMethodId) throw new PaymentFailedError('No payment method can pay this order');
  const result = attempt.providerRef
    ? await deps.stripe.retrieve(attempt.providerRef)
    : await deps.stripe.charge({
        amountCents: attempt.amountCents,
        currency: attempt.currency,
        paymentMethodId: attempt.paymentMethodId,
        orderId: attempt.orderId,
        attemptId: attempt.id,
        idempotencyKey: attempt.idempotencyKey,
      });
  if (result.outcome === 'succeeded') {
    return awaitPaymentOutcome(deps, assertRecorded(await recordCharge(deps, attempt, result.providerRef)));
  }
  if (result.outcome === 'declined') {
    await recordDecline(deps, attempt, result.reason, result.providerRef);
    throw new PaymentFailedError(result.reason);
  }
  if (result.outcome === 'requires_action') {
    // Nothing is charged until the buyer confirms with the bank. The attempt stays open and the
    // order held: the webhook (or a later payOrder, which asks Stripe) settles it.
    const { providerRef } = result;
    await holdForLateOutcome(deps, attempt, (trx) => markRequiresAction(trx, attempt.id, providerRef));
    return requiresAction(attempt, result.providerRef, result.clientSecret);
  }
  // Nothing is recorded as paid. The attempt stays open: paying again re-sends it with the same
  // key (one charge at most), and Stripe's webhook settles it if the charge did go through.
  const { reason } = result;
  await holdForLateOutcome(deps, attempt, (trx) => markOutcomeUnknown(trx, attempt.id, reason));
  throw new PaymentFailedError(
    'The payment provider could not be reached. Nothing was recorded as paid; please try again',
  );
}

/**
 * The outcome comes later: the buyer's bank confirms in its own time, or Stripe's webhook tells
 * what a lost reply did. Orders holds the order for the attempt meanwhile (asked now, unless the
 * hold came first: asked twice, it changes nothing), so that outcome and the expiry never
 * cross. Nothing is asked for an attempt settled meanwhile.
 */
async function holdForLateOutcome(
  deps: PaymentsDeps,
  attempt: AttemptRow,
  mark: (trx: Kysely<PaymentsDatabase>) => Promise<boolean>,
): Promise<void> {
  const marked = await deps.db.transaction().execute(async (trx) => {
    if (!(await mark(trx))) return false;
    await recordPaymentStarted(trx, attempt);
    return true;
  });
  if (marked) deps.relay.wake();
}
