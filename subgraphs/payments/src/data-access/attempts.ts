import { isUuid } from '@stuffmart/common';
import { sql, type Kysely } from 'kysely';
import type { AttemptRow, AttemptState, PaymentsDatabase } from './payments-database.js';

export interface NewAttempt {
  orderId: string;
  amountCents: number;
  currency: string;
  couponCode: string | null;
  paymentMethodId: string | null;
}

/**
 * Starts the order's next attempt, or returns null when one is already in flight (the partial
 * unique index on pending attempts lets only one exist). A free payment's attempt starts
 * SUCCEEDED: it is settled in the transaction that opens it, so it is never in flight.
 */
export async function startAttempt(
  db: Kysely<PaymentsDatabase>,
  attempt: NewAttempt,
  state: AttemptState = 'PENDING',
): Promise<AttemptRow | null> {
  // One statement numbers the attempt after the order's last one and inserts it (run under the
  // order copy's lock, so two cannot take one number). Stripe keeps the idempotency key for 24
  // hours: the same attempt re-sent is answered, not re-charged.
  const { rows } = await sql<AttemptRow>`
    INSERT INTO payment_attempts
      (order_id, attempt_no, idempotency_key, state, amount_cents, currency, coupon_code, payment_method_id)
    SELECT ${attempt.orderId}, next.no, 'stuffmart-order-' || ${attempt.orderId} || '-attempt-' || next.no, ${state},
           ${attempt.amountCents}, ${attempt.currency}, ${attempt.couponCode}, ${attempt.paymentMethodId}
    FROM (SELECT coalesce(max(attempt_no), 0) + 1 AS no FROM payment_attempts WHERE order_id = ${attempt.orderId}) AS next
    ON CONFLICT (order_id) WHERE state = 'PENDING' DO NOTHING
    RETURNING *`.execute(db);
  return rows[0] ?? null;
}

export async function findPendingAttempt(
  db: Kysely<PaymentsDatabase>,
  orderId: string,
): Promise<AttemptRow | undefined> {
  return db
    .selectFrom('paymentAttempts')
    .selectAll()
    .where('orderId', '=', orderId)
    .where('state', '=', 'PENDING')
    .executeTakeFirst();
}

export async function findAttempt(db: Kysely<PaymentsDatabase>, id: string): Promise<AttemptRow | undefined> {
  // The id may come from a webhook's metadata: a malformed one names no attempt.
  if (!isUuid(id)) return undefined;
  return db.selectFrom('paymentAttempts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Settles an attempt; only one settlement wins (the reply or the webhook, whichever is first). */
export async function settleAttempt(
  db: Kysely<PaymentsDatabase>,
  id: string,
  from: AttemptState[],
  to: AttemptState,
  details: { providerRef?: string | null; failureReason?: string | null } = {},
): Promise<AttemptRow | undefined> {
  return db
    .updateTable('paymentAttempts')
    .set({ state: to, ...details })
    .where('id', '=', id)
    .where('state', 'in', from)
    .returningAll()
    .executeTakeFirst();
}

/**
 * After a reply we could not trust: the attempt stays open, marked as waiting to be re-sent.
 * False when it was settled meanwhile (its webhook came first).
 */
export async function markOutcomeUnknown(db: Kysely<PaymentsDatabase>, id: string, reason: string): Promise<boolean> {
  const { numUpdatedRows } = await db
    .updateTable('paymentAttempts')
    .set({ failureReason: reason })
    .where('id', '=', id)
    .where('state', '=', 'PENDING')
    .executeTakeFirst();
  return numUpdatedRows > 0n;
}

/** Claims an open attempt for re-sending; of two retries at once, one gets it. */
export async function claimForResend(
  db: Kysely<PaymentsDatabase>,
  id: string,
  staleBefore: Date,
): Promise<AttemptRow | undefined> {
  return db
    .updateTable('paymentAttempts')
    .set({ failureReason: null })
    .where('id', '=', id)
    .where('state', '=', 'PENDING')
    .where((eb) => eb.or([eb('failureReason', 'is not', null), eb('createdAt', '<', staleBefore)]))
    .returningAll()
    .executeTakeFirst();
}

/**
 * The bank asks the buyer to confirm (3-D Secure): the attempt stays open, now naming its
 * intent, so a later payOrder asks Stripe how it stands instead of sending it again. False when
 * it was settled meanwhile.
 */
export async function markRequiresAction(
  db: Kysely<PaymentsDatabase>,
  id: string,
  providerRef: string,
): Promise<boolean> {
  const { numUpdatedRows } = await db
    .updateTable('paymentAttempts')
    .set({ providerRef, failureReason: null })
    .where('id', '=', id)
    .where('state', '=', 'PENDING')
    .executeTakeFirst();
  return numUpdatedRows > 0n;
}

/**
 * Whether the order has an attempt in flight or a payment made, in one look: what an attempt
 * about to begin under the order's lock must not run into.
 */
export async function findAttemptOrPayment(
  db: Kysely<PaymentsDatabase>,
  orderId: string,
): Promise<{ inFlight: boolean; paid: boolean }> {
  const { rows } = await sql<{ inFlight: boolean; paid: boolean }>`
    SELECT EXISTS (SELECT 1 FROM payment_attempts WHERE order_id = ${orderId} AND state = 'PENDING') AS in_flight,
           EXISTS (SELECT 1 FROM payments WHERE order_id = ${orderId} AND status = 'SUCCEEDED') AS paid`.execute(db);
  return rows[0]!;
}
