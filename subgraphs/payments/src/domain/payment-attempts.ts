import { CouponInvalidError, PaymentFailedError, waitFor } from '@stuffmart/common';
import type { Kysely } from 'kysely';
import {
  claimForResend,
  findAttempt,
  findAttemptOrPayment,
  findPendingAttempt,
  startAttempt,
  type NewAttempt,
} from '../data-access/attempts.js';
import { findCoupon, redeemCoupon } from '../data-access/coupons.js';
import { lockOrderCopy } from '../data-access/order-copies.js';
import { findSuccessfulPayment } from '../data-access/payments.js';
import type { AttemptRow, OrderCopy, PaymentsDatabase } from '../data-access/payments-database.js';
import { recordPaymentStarted } from '../events/payment-events.js';
import { amountDue, formatAmount } from './amount-due.js';
import type { PayOrderInput } from './pay-order.js';
import type { PaymentsDeps } from './payments-deps.js';
import { recordDecline } from './record-charge.js';
import { recordFreePayment } from './record-free-payment.js';

/**
 * Which attempt a payOrder sends, when several requests pay one order at once (a double click,
 * a retry after a lost reply, a second card while the bank waits). At most one attempt per
 * order is in flight: a request that finds one waits for its outcome and answers that.
 */

/** A request that finds another payment of the same order in flight waits this long for it. */
const CONCURRENT_WAIT_MS = 15_000;
/** A pending attempt older than this is not in flight any more: its process died or timed out. */
const STALE_ATTEMPT_MS = 30_000;
const UNDER_WAY = 'Another payment of this order is under way; please try again in a moment';

/**
 * The attempt this request should send: a new one; or one left open by a lost reply or a
 * crashed process, finished as it was begun (same amount, same key), never replaced; or, when
 * another request is sending one right now, that one's outcome.
 */
export async function attemptToCharge(
  deps: PaymentsDeps,
  order: OrderCopy,
  input: PayOrderInput,
  askHold: boolean,
): Promise<AttemptRow> {
  const pending = await findPendingAttempt(deps.db, order.id);
  if (!pending) return (await openAttempt(deps, order, input, askHold)) ?? awaitAttempt(deps, order.id);
  // Sent, and waiting for the buyer's bank (3-D Secure): Stripe is asked how it stands, never
  // sent again; once it is closed (refused, or given up for another card) this request tries its card.
  if (pending.providerRef) {
    if (!(await closedWhileWaiting(deps, pending, input))) return pending;
    return (await openAttempt(deps, order, input, askHold)) ?? awaitAttempt(deps, order.id);
  }
  return (await claimToResend(deps, pending)) ?? awaitAttempt(deps, order.id);
}

/**
 * Must wait for orders' hold before it is sent, when the hold comes first: a fresh attempt, or
 * one never sent to the bank. The hold was asked for (payment.started) in the transaction that
 * opened or claimed it.
 */
export function needsHold(attempt: AttemptRow): boolean {
  // An attempt already charged (a double click's twin finished it, or a free payment, recorded
  // as it opened) needs no hold any more. One waiting for the buyer's bank was held before it
  // was first sent.
  return attempt.state === 'PENDING' && !attempt.providerRef;
}

async function couponInvalidReason(db: Kysely<PaymentsDatabase>, code: string): Promise<string> {
  const coupon = await findCoupon(db, code);
  if (!coupon) return `Coupon ${code} does not exist`;
  if (coupon.expiresAt && coupon.expiresAt.getTime() <= Date.now()) return `Coupon ${code} has expired`;
  return `Coupon ${code} has been used up`;
}

/** Takes one redemption of the coupon and answers its discount, or says why it cannot. */
async function redeem(trx: Kysely<PaymentsDatabase>, code: string): Promise<number> {
  const coupon = await redeemCoupon(trx, code, new Date());
  if (!coupon) throw new CouponInvalidError(await couponInvalidReason(trx, code));
  return coupon.percentOff;
}

function assertCanCharge(deps: PaymentsDeps, attempt: NewAttempt): void {
  if (!deps.stripe) {
    throw new PaymentFailedError('Card payments are not set up here; only fully discounted orders can be paid');
  }
  if (!attempt.paymentMethodId) {
    const amount = formatAmount(attempt.amountCents, attempt.currency);
    throw new PaymentFailedError(`A payment method is needed to pay ${amount}`);
  }
}

/**
 * Redeems the coupon and opens the attempt, asking orders to hold the order for it when the
 * hold comes first, in one transaction: a refusal anywhere (used-up coupon, nothing to pay with)
 * leaves no redemption behind. A payment that charges nothing is recorded whole instead.
 * Undefined when another request's attempt is in flight, or its free payment was just recorded:
 * then nothing is redeemed.
 */
async function openAttempt(
  deps: PaymentsDeps,
  order: OrderCopy,
  input: PayOrderInput,
  askHold: boolean,
): Promise<AttemptRow | undefined> {
  const code = input.couponCode?.trim().toUpperCase() || null;
  let recordedNews = false;
  const opened = await deps.db.transaction().execute(async (trx) => {
    // Attempts of one order begin only under its lock, so one in flight is seen here, before
    // anything is redeemed, and none can begin until this transaction ends. A free payment is
    // never in flight: the order it paid a moment ago is seen paid.
    const copy = await lockOrderCopy(trx, order.id);
    const { inFlight, paid } = await findAttemptOrPayment(trx, order.id);
    if (inFlight || paid) return undefined;
    const amountCents = amountDue(order.priceCents, code ? await redeem(trx, code) : undefined);
    const newAttempt: NewAttempt = {
      orderId: order.id,
      amountCents,
      currency: order.currency,
      couponCode: code,
      paymentMethodId: amountCents > 0 ? (input.paymentMethodId ?? null) : null,
    };
    if (amountCents === 0) {
      recordedNews = true;
      return recordFreePayment(trx, copy, newAttempt);
    }
    assertCanCharge(deps, newAttempt);
    const attempt = await startAttempt(trx, newAttempt);
    // The unique index on pending attempts backs the lock up; under the lock it cannot refuse.
    if (!attempt) throw new Error(`an attempt of order ${order.id} began outside its lock`);
    if (askHold) {
      recordedNews = true;
      await recordPaymentStarted(trx, attempt);
    }
    return attempt;
  });
  // A relay woken for nothing would look through the outbox in the buyer's way.
  if (recordedNews) deps.relay.wake();
  return opened;
}

/**
 * Claims an attempt left open by a lost reply or a crashed process for re-sending, and asks
 * for the hold again (orders holding it already changes nothing); of two retries, one claims it.
 */
async function claimToResend(deps: PaymentsDeps, pending: AttemptRow): Promise<AttemptRow | undefined> {
  const claimed = await deps.db.transaction().execute(async (trx) => {
    const attempt = await claimForResend(trx, pending.id, new Date(Date.now() - STALE_ATTEMPT_MS));
    if (attempt) await recordPaymentStarted(trx, attempt);
    return attempt;
  });
  if (claimed) deps.relay.wake();
  return claimed;
}

type Settled = { attempt: AttemptRow } | { refusal: string };

/**
 * How another request's attempt stands: charged (its outcome is ours), waiting for the buyer's
 * bank (both answer that), or ended without a charge; undefined while it is being sent.
 */
async function settledAttempt(deps: PaymentsDeps, orderId: string): Promise<Settled | undefined> {
  const pending = await findPendingAttempt(deps.db, orderId);
  if (!pending) {
    const paid = await findSuccessfulPayment(deps.db, orderId);
    const attempt = paid && (await findAttempt(deps.db, paid.attemptId));
    return attempt ? { attempt } : { refusal: 'Another payment of this order just failed; please try again' };
  }
  if (pending.providerRef) return { attempt: pending };
  // Its reply was lost: it waits to be re-sent, by the buyer's next try.
  if (pending.failureReason !== null) return { refusal: UNDER_WAY };
  return undefined;
}

/** Another request is paying this order right now: its outcome is ours (a double click). */
async function awaitAttempt(deps: PaymentsDeps, orderId: string): Promise<AttemptRow> {
  const settled = await waitFor({
    check: () => settledAttempt(deps, orderId),
    on: deps.orderNews(orderId),
    timeoutMs: CONCURRENT_WAIT_MS,
  });
  if (!settled) throw new PaymentFailedError(UNDER_WAY);
  if ('refusal' in settled) throw new PaymentFailedError(settled.refusal);
  return settled.attempt;
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
