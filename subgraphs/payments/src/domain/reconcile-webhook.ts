import type { Logger } from '@stuffmart/common';
import type Stripe from 'stripe';
import { findAttempt } from '../data-access/attempts.js';
import type { AttemptRow } from '../data-access/payments-database.js';
import { recordWebhookEvent } from '../data-access/payments.js';
import type { PaymentsDeps } from './payments-deps.js';
import { recordCharge, recordDecline } from './record-charge.js';

/**
 * What the intent says differs from what the attempt asked for: the amount, the currency or
 * the order. A genuine intent of ours always matches, so a mismatch is a forged or confused
 * event (an intent made elsewhere with our attempt's id), and it must never pay an order.
 */
function mismatchOf(intent: Stripe.PaymentIntent, attempt: AttemptRow): string | null {
  if (intent.amount !== attempt.amountCents) return 'amount';
  if (intent.currency?.toLowerCase() !== attempt.currency.toLowerCase()) return 'currency';
  if (intent.metadata?.orderId !== attempt.orderId) return 'orderId';
  return null;
}

/**
 * Stripe's word on a PaymentIntent, which arrives even when our own process died between
 * charging and recording: a success is recorded (with the attempt the intent names) when it
 * matches that attempt, a failure settles the attempt. Both are idempotent, so a redelivered
 * event changes nothing and one whose handling failed (the route answers 500) is handled again
 * on Stripe's retry.
 */
export async function reconcileWebhook(deps: PaymentsDeps, event: Stripe.Event, logger: Logger): Promise<void> {
  if (event.type !== 'payment_intent.succeeded' && event.type !== 'payment_intent.payment_failed') return;
  const intent = event.data.object;
  const attemptId = intent.metadata?.attemptId;
  const attempt = attemptId ? await findAttempt(deps.db, attemptId) : undefined;
  if (attempt) {
    if (event.type === 'payment_intent.succeeded') {
      const mismatch = mismatchOf(intent, attempt);
      if (mismatch) {
        logger.warn(
          { eventId: event.id, paymentIntent: intent.id, attemptId: attempt.id, mismatch },
          'ignored a payment_intent.succeeded that does not match its attempt',
        );
      } else {
        await recordCharge(deps, attempt, intent.id);
      }
    } else {
      await recordDecline(deps, attempt, intent.last_payment_error?.message ?? 'The payment failed', intent.id);
    }
  }
  await recordWebhookEvent(deps.db, event.id, event.type);
}
