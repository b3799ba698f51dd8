// The events services exchange, each declared once: its name and the zod schema of its
// payload. Producers build payloads of the inferred types and consumers parse with the same
// schemas, so a publisher and its consumers cannot drift apart. Streams are named after the
// publisher. Only this entry point imports zod: the storefront's imports of the package stay free of it.
import { z } from 'zod';

export const STREAMS = {
  catalog: 'catalog',
  orders: 'orders',
  payments: 'payments',
  expiration: 'expiration',
} as const;

/** The shape PostgreSQL's uuid type accepts: every id a payload carries is a row's key. */
const id = z.guid();
const cents = z.number().int().nonnegative();
const currency = z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code');
const instant = z.iso.datetime();

/** stuff.created (version 0) and stuff.updated (version n): the stuff as it now is. */
export const stuffSnapshotSchema = z.object({
  stuffId: id,
  sellerId: id,
  title: z.string(),
  priceCents: cents,
  currency,
});

/** order.created, version 0. */
export const orderCreatedSchema = z.object({
  orderId: id,
  stuffId: id,
  buyerId: id,
  sellerId: id,
  priceCents: cents,
  currency,
  expiresAt: instant,
});

/** order.cancelled, version 1: by the buyer, or expired unpaid. */
export const orderCancelledSchema = z.object({
  orderId: id,
  stuffId: id,
  buyerId: id,
  reason: z.enum(['BUYER', 'EXPIRED']),
});

/** order.completed, version 1: paid. */
export const orderCompletedSchema = z.object({
  orderId: id,
  stuffId: id,
  buyerId: id,
  paymentId: id,
});

/**
 * order.held (the order's current version, unchanged: a hold is no new state of the order for
 * catalog or the worker): orders will not expire the order before `heldUntil` unless the
 * payment's outcome arrives first. Answers payment.started.
 */
export const orderHeldSchema = z.object({
  orderId: id,
  attemptId: id,
  heldUntil: instant,
});

/** expiration.due: the reservation window of an order has passed (subject: the order). */
export const expirationDueSchema = z.object({
  orderId: id,
});

/** payment.succeeded (subject: the order, version 0): the order is paid. */
export const paymentSucceededSchema = z.object({
  paymentId: id,
  orderId: id,
  amountCents: cents,
  currency,
});

/**
 * payment.started (subject: the order, version 0): payments asks orders to hold the order past
 * its expiry for this attempt until the outcome arrives. Sent before the charge when the charge
 * could outlast the reservation (then nothing is charged until orders answers), or once the
 * outcome is known to come late (the buyer's bank, a lost reply); asked twice, it changes nothing.
 */
export const paymentStartedSchema = z.object({
  orderId: id,
  attemptId: id,
});

/**
 * payment.failed (subject: the order, version 0): the attempt ended without a charge (declined,
 * or closed before it was sent). Orders lets go of the hold it kept for it.
 */
export const paymentFailedSchema = z.object({
  orderId: id,
  attemptId: id,
});

export const STUFF_CREATED = 'stuff.created';
export const STUFF_UPDATED = 'stuff.updated';
export const ORDER_CREATED = 'order.created';
export const ORDER_CANCELLED = 'order.cancelled';
export const ORDER_COMPLETED = 'order.completed';
export const ORDER_HELD = 'order.held';
export const EXPIRATION_DUE = 'expiration.due';
export const PAYMENT_STARTED = 'payment.started';
export const PAYMENT_SUCCEEDED = 'payment.succeeded';
export const PAYMENT_FAILED = 'payment.failed';

/** Every event type with the schema of its payload. */
export const EVENT_SCHEMAS = {
  [STUFF_CREATED]: stuffSnapshotSchema,
  [STUFF_UPDATED]: stuffSnapshotSchema,
  [ORDER_CREATED]: orderCreatedSchema,
  [ORDER_CANCELLED]: orderCancelledSchema,
  [ORDER_COMPLETED]: orderCompletedSchema,
  [ORDER_HELD]: orderHeldSchema,
  [EXPIRATION_DUE]: expirationDueSchema,
  [PAYMENT_STARTED]: paymentStartedSchema,
  [PAYMENT_SUCCEEDED]: paymentSucceededSchema,
  [PAYMENT_FAILED]: paymentFailedSchema,
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export type EventData<T extends EventType> = z.infer<(typeof EVENT_SCHEMAS)[T]>;

export type StuffSnapshot = z.infer<typeof stuffSnapshotSchema>;
export type OrderCreated = z.infer<typeof orderCreatedSchema>;
export type OrderCancelled = z.infer<typeof orderCancelledSchema>;
export type OrderCompleted = z.infer<typeof orderCompletedSchema>;
export type OrderHeld = z.infer<typeof orderHeldSchema>;
export type ExpirationDue = z.infer<typeof expirationDueSchema>;
export type PaymentSucceeded = z.infer<typeof paymentSucceededSchema>;
export type PaymentStarted = z.infer<typeof paymentStartedSchema>;
export type PaymentFailed = z.infer<typeof paymentFailedSchema>;

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_SCHEMAS, type);
}

/**
 * The payload of an event of `type`, parsed; throws an Error whose message names the type and
 * every field that does not fit (`order.created: expiresAt: Invalid ISO datetime`).
 */
export function parseEventData<T extends EventType>(type: T, data: unknown): EventData<T> {
  const result = EVENT_SCHEMAS[type].safeParse(data);
  if (result.success) return result.data as EventData<T>;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`);
  throw new Error(`${type}: ${problems.join('; ')}`);
}
