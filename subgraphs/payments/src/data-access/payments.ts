import type { Kysely } from 'kysely';
import { isUuid } from '@stuffmart/common';
import type { PaymentRow, PaymentsDatabase, PaymentStatus } from './payments-database.js';

/** Null when the order already has a successful payment: the unique index refuses a second. */
export async function insertPayment(
  db: Kysely<PaymentsDatabase>,
  payment: {
    orderId: string;
    attemptId: string;
    amountCents: number;
    currency: string;
    status: PaymentStatus;
    couponCode: string | null;
    providerRef: string | null;
  },
): Promise<PaymentRow | null> {
  const row = await db
    .insertInto('payments')
    .values(payment)
    .onConflict((conflict) => conflict.column('orderId').where('status', '=', 'SUCCEEDED').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

export async function findSuccessfulPayment(
  db: Kysely<PaymentsDatabase>,
  orderId: string,
): Promise<PaymentRow | undefined> {
  return db
    .selectFrom('payments')
    .selectAll()
    .where('orderId', '=', orderId)
    .where('status', '=', 'SUCCEEDED')
    .executeTakeFirst();
}

/** The successful payments of these orders that `buyerId` made; nobody sees another's. */
export async function findSuccessfulPaymentsOfBuyer(
  db: Kysely<PaymentsDatabase>,
  orderIds: readonly string[],
  buyerId: string,
): Promise<PaymentRow[]> {
  const ids = orderIds.filter(isUuid);
  if (ids.length === 0) return [];
  return db
    .selectFrom('payments')
    .innerJoin('orderCopies', 'orderCopies.id', 'payments.orderId')
    .selectAll('payments')
    .where('payments.orderId', 'in', ids)
    .where('payments.status', '=', 'SUCCEEDED')
    .where('orderCopies.buyerId', '=', buyerId)
    .execute();
}

export async function findPaymentByAttempt(
  db: Kysely<PaymentsDatabase>,
  attemptId: string,
): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('attemptId', '=', attemptId).executeTakeFirst();
}

export async function insertRefund(
  db: Kysely<PaymentsDatabase>,
  refund: { paymentId: string; providerRef: string | null; amountCents: number },
): Promise<boolean> {
  const row = await db
    .insertInto('refunds')
    .values(refund)
    .onConflict((conflict) => conflict.column('paymentId').doNothing())
    .returning('paymentId')
    .executeTakeFirst();
  return row !== undefined;
}

export async function isRefunded(db: Kysely<PaymentsDatabase>, paymentId: string): Promise<boolean> {
  return (
    (await db.selectFrom('refunds').select('paymentId').where('paymentId', '=', paymentId).executeTakeFirst()) !==
    undefined
  );
}

/** Records a provider webhook event; false when it was seen before. */
export async function recordWebhookEvent(db: Kysely<PaymentsDatabase>, id: string, type: string): Promise<boolean> {
  const row = await db
    .insertInto('webhookEvents')
    .values({ id, type })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
