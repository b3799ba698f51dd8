import type { Generated, Selectable } from 'kysely';

export type OrderCopyStatus = 'AWAITING_PAYMENT' | 'COMPLETE' | 'CANCELLED';

/** What payments knows of each order, kept from the orders stream. */
export interface OrderCopiesTable {
  id: string;
  buyerId: string;
  stuffId: string;
  priceCents: number;
  currency: string;
  status: OrderCopyStatus;
  expiresAt: Date;
  version: number;
  /** The attempt orders holds the order for (order.held), and until when. */
  heldBy: Generated<string | null>;
  heldUntil: Generated<Date | null>;
}

export interface CouponsTable {
  code: string;
  percentOff: number;
  maxRedemptions: number;
  redemptions: Generated<number>;
  expiresAt: Date | null;
  createdBy: string;
  createdAt: Generated<Date>;
}

export type AttemptState = 'PENDING' | 'SUCCEEDED' | 'FAILED';

/**
 * One try at paying an order. Its idempotency key goes to Stripe with the charge, so the same
 * attempt can be sent again (after a timeout or a crash) without charging twice.
 */
export interface PaymentAttemptsTable {
  id: Generated<string>;
  orderId: string;
  attemptNo: number;
  idempotencyKey: string;
  state: AttemptState;
  amountCents: number;
  currency: string;
  couponCode: string | null;
  paymentMethodId: string | null;
  providerRef: string | null;
  failureReason: string | null;
  createdAt: Generated<Date>;
}

export type PaymentStatus = 'SUCCEEDED' | 'FAILED';

export interface PaymentsTable {
  id: Generated<string>;
  orderId: string;
  attemptId: string;
  amountCents: number;
  currency: string;
  status: PaymentStatus;
  couponCode: string | null;
  providerRef: string | null;
  createdAt: Generated<Date>;
}

/** Money to give back (a charge whose order was cancelled, or a second charge), until it is. */
export interface RefundRequestsTable {
  paymentIntent: string;
  paymentId: string | null;
  amountCents: number;
  reason: string;
  requestedAt: Generated<Date>;
  nextTryAt: Generated<Date>;
  failures: Generated<number>;
  refundedAt: Date | null;
  providerRef: string | null;
}

export interface WebhookEventsTable {
  id: string;
  type: string;
  receivedAt: Generated<Date>;
}

export interface PaymentsDatabase {
  orderCopies: OrderCopiesTable;
  coupons: CouponsTable;
  paymentAttempts: PaymentAttemptsTable;
  payments: PaymentsTable;
  refundRequests: RefundRequestsTable;
  webhookEvents: WebhookEventsTable;
}

export type OrderCopy = Selectable<OrderCopiesTable>;
export type CouponRow = Selectable<CouponsTable>;
export type AttemptRow = Selectable<PaymentAttemptsTable>;
export type PaymentRow = Selectable<PaymentsTable>;
