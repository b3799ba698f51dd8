import { setTimeout as sleep } from 'node:timers/promises';
import {
  assertSignedIn,
  CouponInvalidError,
  ForbiddenError,
  OrderNotPayableError,
  PaymentFailedError,
  type Identity,
} from '@stuffmart/common';
import {
  claimForResend,
  findAttempt,
  findPendingAttempt,
  markOutcomeUnknown,
  markRequiresAction,
  startAttempt,
} from '../data-access/attempts.js';
import { findCoupon, redeemCoupon } from '../data-access/coupons.js';
import { findPaymentByAttempt, findSuccessfulPayment } from '../data-access/payments.js';
import type { Kysely } from 'kysely';
import type { AttemptRow, OrderCopy, PaymentsDatabase } from '../data-access/payments-database.js';
import { amountDue, formatAmount } from './amount-due.js';
import { awaitOrderCopy } from './await-order-copy.js';
import { limitCouponGuesses } from './coupon-guesses.js';
import type { PaymentsDeps } from './payments-deps.js';
import { assertRecorded, expiresTooSoon, recordCharge, recordDecline } from './record-charge.js';
import { lockOrderCopy } from '../data-access/order-copies.js';
import { holdOrderForAttempt } from './hold-order.js';
import { awaitPaymentOutcome, requiresAction, type PaymentAnswer } from './payment-answer.js';

export interface PayOrderInput {
  orderId: string;
  paymentMethodId?: string | null;
  couponCode?: string | null;
}

/** A request that finds another payment of the same order in flight waits this long for it. */
const CONCURRENT_WAIT_MS = 15_000;
/** A pending attempt older than this is not in flight any more: its process died or timed out. */
const STALE_ATTEMPT_MS = 30_000;

function assertIsBuyer(order: OrderCopy, buyer: Identity): void {
  if (order.buyerId !== buyer.userId) throw new ForbiddenError();
}

function assertPayable(order: OrderCopy): void {
  if (order.status !== 'AWAITING_PAYMENT') throw new OrderNotPayableError(order.status);
  if (expiresTooSoon(order)) throw new OrderNotPayableError('CANCELLED (its reservation has run out)');
}

async function couponInvalidReason(db: Kysely<PaymentsDatabase>, code: string): Promise<string> {
  const coupon = await findCoupon(db, code);
  if (!coupon) return `Coupon ${code} does not exist`;
  if (coupon.expiresAt && coupon.expiresAt.getTime() <= Date.now()) return `Coupon ${code} has expired`;
  return `Coupon ${code} has been used up`;
}

class AttemptInFlight extends Error {}

/**
 * Redeems the coupon and opens the attempt in one transaction: a refusal anywhere (used-up
 * coupon, nothing to pay with) leaves no redemption behind.
 */
async function openAttempt(deps: PaymentsDeps, order: OrderCopy, input: PayOrderInput): Promise<AttemptRow> {
  const code = input.couponCode?.trim().toUpperCase() || null;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      // Attempts of one order are numbered one after another, under the order's lock.
      await lockOrderCopy(trx, order.id);
      let percentOff: number | undefined;
      if (code) {
        const coupon = await redeemCoupon(trx, code, new Date());
        if (!coupon) throw new CouponInvalidError(await couponInvalidReason(trx, code));
        percentOff = coupon.percentOff;
      }
      const amountCents = amountDue(order.priceCents, percentOff);
      if (amountCents > 0 && !deps.stripe) {
        throw new PaymentFailedError('Card payments are not set up here; only fully discounted orders can be paid');
      }
      if (amountCents > 0 && !input.paymentMethodId) {
        throw new PaymentFailedError(`A payment method is needed to pay ${formatAmount(amountCents, order.currency)}`);
      }
      const attempt = await startAttempt(trx, {
        orderId: order.id,
        amountCents,
        currency: order.currency,
        couponCode: code,
        paymentMethodId: amountCents > 0 ? (input.paymentMethodId ?? null) : null,
      });
      if (!attempt) throw new AttemptInFlight();
      return attempt;
    });
  } catch (error) {
    if (error instanceof AttemptInFlight) return awaitAttempt(deps, order.id);
    throw error;
  }
}

/** Another request is paying this order right now: its outcome is ours (a double click). */
async function awaitAttempt(deps: PaymentsDeps, orderId: string): Promise<AttemptRow> {
  const deadline = Date.now() + CONCURRENT_WAIT_MS;
  for (;;) {
    const pending = await findPendingAttempt(deps.db, orderId);
    if (!pending) {
      const paid = await findSuccessfulPayment(deps.db, orderId);
      const attempt = paid && (await findAttempt(deps.db, paid.attemptId));
      if (attempt) return attempt;
      throw new PaymentFailedError('Another payment of this order just failed; please try again');
    }
    // Its bank asks the buyer to confirm (3-D Secure): both requests answer that.
    if (pending.providerRef) return pending;
    if (pending.failureReason !== null || Date.now() > deadline) {
      throw new PaymentFailedError('Another payment of this order is under way; please try again in a moment');
    }
    await sleep(100);
  }
}

/**
 * An attempt waiting for the buyer's bank is closed when the bank refused it (its webhook may
 * not have come yet), or when the buyer now pays with another card: its intent is cancelled
 * first, so it can never be charged as well (one confirmed meanwhile cannot be, and is kept).
 */
async function closedWhileWaiting(deps: PaymentsDeps, attempt: AttemptRow, input: PayOrderInput): Promise<boolean> {
  if (!deps.stripe || !attempt.providerRef) return false;
  const otherCard = !!input.paymentMethodId && input.paymentMethodId !== attempt.paymentMethodId;
  const result = otherCard
    ? await deps.stripe.cancel(attempt.providerRef)
    : await deps.stripe.retrieve(attempt.providerRef);
  if (result.outcome !== 'declined') return false;
  await recordDecline(deps, attempt, result.reason, result.providerRef);
  return true;
}

/**
 * The attempt this request should send: a new one; or one left open by a lost reply or a
 * crashed process, finished as it was begun (same amount, same key), never replaced; or, when
 * another request is sending one right now, that one's outcome.
 */
async function attemptToCharge(deps: PaymentsDeps, order: OrderCopy, input: PayOrderInput): Promise<AttemptRow> {
  const pending = await findPendingAttempt(deps.db, order.id);
  if (!pending) return openAttempt(deps, order, input);
  // Sent, and waiting for the buyer's bank (3-D Secure): Stripe is asked how it stands, never
  // sent again; once it is closed (refused, or given up for another card) this request tries its card.
  if (pending.providerRef) {
    return (await closedWhileWaiting(deps, pending, input)) ? openAttempt(deps, order, input) : pending;
  }
  const resend = await claimForResend(deps.db, pending.id, new Date(Date.now() - STALE_ATTEMPT_MS));
  return resend ?? awaitAttempt(deps, order.id);
}

/** Sends the attempt to the provider (again, if it was sent before: same key, same charge). */
async function chargeAttempt(deps: PaymentsDeps, attempt: AttemptRow): Promise<PaymentAnswer> {
  if (attempt.state === 'SUCCEEDED') {
    const payment = await findPaymentByAttempt(deps.db, attempt.id);
    if (payment) return awaitPaymentOutcome(deps, payment);
  }
  if (attempt.amountCents === 0)
    return awaitPaymentOutcome(deps, assertRecorded(await recordCharge(deps, attempt, null)));
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
    await markRequiresAction(deps.db, attempt.id, result.providerRef);
    return requiresAction(attempt, result.providerRef, result.clientSecret);
  }
  // Nothing is recorded as paid. The attempt stays open: paying again re-sends it with the same
  // key (one charge at most), and Stripe's webhook settles it if the charge did go through.
  await markOutcomeUnknown(deps.db, attempt.id, result.reason);
  throw new PaymentFailedError(
    'The payment provider could not be reached. Nothing was recorded as paid; please try again',
  );
}

/**
 * The buyer pays: by card through Stripe, or with a coupon that covers it all. A saga whose
 * pivot is the charge: before it, orders holds the order for this attempt (nothing is charged
 * otherwise); after it, the answer waits for orders' word. Safe to retry: an order its buyer
 * already paid answers that same payment, charging nothing.
 */
export async function payOrder(
  deps: PaymentsDeps,
  user: Identity | null,
  input: PayOrderInput,
): Promise<PaymentAnswer> {
  const buyer = assertSignedIn(user);
  const order = await awaitOrderCopy(deps, input.orderId);
  assertIsBuyer(order, buyer);
  const paid = await findSuccessfulPayment(deps.db, order.id);
  if (paid) return awaitPaymentOutcome(deps, paid);
  assertPayable(order);
  return limitCouponGuesses(deps.redis, buyer.userId, input.couponCode, async () => {
    const attempt = await attemptToCharge(deps, order, input);
    // An attempt already charged (a double click's twin finished it) needs no hold any more.
    // One waiting for the buyer's bank was held before it was first sent.
    if (attempt.state === 'PENDING' && !attempt.providerRef) await holdOrderForAttempt(deps, attempt);
    return chargeAttempt(deps, attempt);
  });
}
