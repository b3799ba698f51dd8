import type Stripe from 'stripe';
import { findAttempt } from '../data-access/attempts.js';
import { recordWebhookEvent } from '../data-access/payments.js';
import type { PaymentsDeps } from './payments-deps.js';
import { recordCharge, recordDecline } from './record-charge.js';

/**
 * Stripe's word on a PaymentIntent, which arrives even when our own process died between
 * charging and recording: a success is recorded (with the attempt the intent names), a
 * failure settles the attempt. Both are idempotent, so a redelivered event changes nothing
 * and one whose handling failed (the route answers 500) is handled again on Stripe's retry.
 */
export async function reconcileWebhook(deps: PaymentsDeps, event: Stripe.Event): Promise<void> {
  if (event.type !== 'payment_intent.succeeded' && event.type !== 'payment_intent.payment_failed') return;
  const intent = event.data.object;
  const attemptId = intent.metadata?.attemptId;
  const attempt = attemptId ? await findAttempt(deps.db, attemptId) : undefined;
  if (attempt) {
    if (event.type === 'payment_intent.succeeded') {
      await recordCharge(deps, attempt, intent.id);
    } else {
      await recordDecline(deps, attempt, intent.last_payment_error?.message ?? 'The payment failed', intent.id);
    }
  }
  await recordWebhookEvent(deps.db, event.id, event.type);
}
