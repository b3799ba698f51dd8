import { OrderNotPayableError } from '@stuffmart/common';
import type { AttemptRow, OrderCopyStatus, PaymentRow } from '../data-access/payments-database.js';
import { awaitOrderCopyState } from './await-order-copy-state.js';
import type { PaymentsDeps } from './payments-deps.js';

export type PaymentAnswer = Omit<PaymentRow, 'status'> & {
  status: 'SUCCEEDED' | 'FAILED' | 'PROCESSING' | 'REQUIRES_ACTION';
  /** Only in payOrder's answer to the buyer, only while REQUIRES_ACTION. */
  clientSecret?: string | null;
};

/** How long payOrder waits for the order's completion before it answers PROCESSING. */
const OUTCOME_WAIT_MS = 3000;

/**
 * A charge is SUCCEEDED only for an order that is COMPLETE (which orders never undoes); until
 * orders' word arrives it is PROCESSING: the order then ends COMPLETE, or CANCELLED with the
 * charge given back.
 */
export function paymentAnswer(payment: PaymentRow, orderStatus: OrderCopyStatus | undefined): PaymentAnswer {
  if (payment.status === 'FAILED') return { ...payment, status: 'FAILED' };
  return { ...payment, status: orderStatus === 'COMPLETE' ? 'SUCCEEDED' : 'PROCESSING' };
}

/**
 * Orders has the last word: the answer waits (bounded) for the order's completion, or its
 * cancellation (then the charge is given back and the order was not paid). When that word
 * cannot be had in time, or cannot be read (our database went away after the charge was
 * recorded), the answer is PROCESSING: never a guess, and never an error that would make
 * the buyer think nothing happened. Asking again answers the same payment.
 */
export async function awaitPaymentOutcome(deps: PaymentsDeps, payment: PaymentRow): Promise<PaymentAnswer> {
  let status: OrderCopyStatus | undefined;
  try {
    status = await awaitOrderCopyState(
      deps,
      payment.orderId,
      OUTCOME_WAIT_MS,
      (order) => (order && order.status !== 'AWAITING_PAYMENT' ? order.status : undefined),
      () => deps.ordersWord.of(payment.orderId),
    );
  } catch (error) {
    deps.logger.warn({ err: error, paymentId: payment.id }, 'the order of a recorded payment could not be read');
  }
  if (status === 'CANCELLED') throw new OrderNotPayableError('CANCELLED');
  return paymentAnswer(payment, status);
}

/**
 * The attempt waits for the buyer's bank (3-D Secure): nothing is charged yet, so there is no
 * payment row; the answer is the attempt, with the secret Stripe.js needs to finish it.
 */
export function requiresAction(attempt: AttemptRow, providerRef: string, clientSecret: string): PaymentAnswer {
  return {
    id: attempt.id,
    orderId: attempt.orderId,
    attemptId: attempt.id,
    amountCents: attempt.amountCents,
    currency: attempt.currency,
    couponCode: attempt.couponCode,
    providerRef,
    createdAt: attempt.createdAt,
    status: 'REQUIRES_ACTION',
    clientSecret,
  };
}
