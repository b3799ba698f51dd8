import { assertSignedIn, ForbiddenError, type Identity } from '@stuffmart/common';
import { findSuccessfulPayment } from '../data-access/payments.js';
import type { OrderCopy } from '../data-access/payments-database.js';
import { assertPayable } from './assert-payable.js';
import { awaitOrderCopy } from './await-order-copy.js';
import { chargeAttempt } from './charge-attempt.js';
import { limitCouponGuesses } from './coupon-guesses.js';
import { awaitHold, holdComesFirst } from './await-hold.js';
import { attemptToCharge, needsHold } from './payment-attempts.js';
import { awaitPaymentOutcome, type PaymentAnswer } from './payment-answer.js';
import type { PaymentsDeps } from './payments-deps.js';

export interface PayOrderInput {
  orderId: string;
  paymentMethodId?: string | null;
  couponCode?: string | null;
}

function assertIsBuyer(order: OrderCopy, buyer: Identity): void {
  if (order.buyerId !== buyer.userId) throw new ForbiddenError();
}

/**
 * The buyer pays: by card through Stripe, or with a coupon that covers it all. A saga whose
 * pivot is the charge: before it, orders holds the order for this attempt when the charge could
 * outlast the reservation (await-hold.ts); after it, the answer waits for orders' word. A
 * payment that charges nothing needs no hold: it is recorded as its coupon is redeemed
 * (record-free-payment.ts says why). Safe to retry: an order its buyer already paid answers that
 * same payment, charging nothing.
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
    const holdFirst = await holdComesFirst(deps, order, input);
    const attempt = await attemptToCharge(deps, order, input, holdFirst);
    if (holdFirst && needsHold(attempt)) await awaitHold(deps, attempt);
    return chargeAttempt(deps, attempt);
  });
}
