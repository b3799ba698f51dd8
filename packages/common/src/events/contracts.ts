/**
 * The events services exchange: one place for their names and payloads, so a publisher and
 * its consumers cannot drift apart. Streams are named after the publisher.
 */
export const STREAMS = {
  catalog: 'catalog',
  orders: 'orders',
  payments: 'payments',
  expiration: 'expiration',
} as const;

/** stuff.created (version 0) and stuff.updated (version n): the stuff as it now is. */
export interface StuffSnapshot {
  stuffId: string;
  sellerId: string;
  title: string;
  priceCents: number;
  currency: string;
}

export const STUFF_CREATED = 'stuff.created';
export const STUFF_UPDATED = 'stuff.updated';

/** order.created, version 0. */
export interface OrderCreated {
  orderId: string;
  stuffId: string;
  buyerId: string;
  sellerId: string;
  priceCents: number;
  currency: string;
  expiresAt: string;
}

/** order.cancelled, version 1: by the buyer, or expired unpaid. */
export interface OrderCancelled {
  orderId: string;
  stuffId: string;
  buyerId: string;
  reason: 'BUYER' | 'EXPIRED';
}

/** order.completed, version 1: paid. */
export interface OrderCompleted {
  orderId: string;
  stuffId: string;
  buyerId: string;
  paymentId: string;
}

export const ORDER_CREATED = 'order.created';
export const ORDER_CANCELLED = 'order.cancelled';
export const ORDER_COMPLETED = 'order.completed';

/** expiration.due: the reservation window of an order has passed (subject: the order). */
export interface ExpirationDue {
  orderId: string;
}

export const EXPIRATION_DUE = 'expiration.due';

/** payment.succeeded (subject: the order, version 0): the order is paid. */
export interface PaymentSucceeded {
  paymentId: string;
  orderId: string;
  amountCents: number;
  currency: string;
}

export const PAYMENT_SUCCEEDED = 'payment.succeeded';

/**
 * payment.started (subject: the order, version 0): payments is about to charge for this
 * attempt and asks orders to hold the order past its expiry until the outcome arrives. Sent
 * before the charge (the pivot of the payment saga); nothing is charged until orders answers.
 */
export interface PaymentStarted {
  orderId: string;
  attemptId: string;
}

export const PAYMENT_STARTED = 'payment.started';

/**
 * order.held (the order's current version, unchanged: a hold is no new state of the order for
 * catalog or the worker): orders will not expire the order before `heldUntil` unless the
 * payment's outcome arrives first. Answers payment.started.
 */
export interface OrderHeld {
  orderId: string;
  attemptId: string;
  heldUntil: string;
}

export const ORDER_HELD = 'order.held';

/**
 * payment.failed (subject: the order, version 0): the attempt ended without a charge (declined,
 * or closed before it was sent). Orders lets go of the hold it kept for it.
 */
export interface PaymentFailed {
  orderId: string;
  attemptId: string;
}

export const PAYMENT_FAILED = 'payment.failed';
