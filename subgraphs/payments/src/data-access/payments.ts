import type { Kysely } from 'kysely';
import { isUuid } from '@stuffmart/common';
import type { OrderCopyStatus, PaymentRow, PaymentsDatabase, PaymentStatus } from './payments-database.js';

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
): Promise<Array<PaymentRow & { orderStatus: OrderCopyStatus }>> {
  const ids = orderIds.filter(isUuid);
  if (ids.length === 0) return [];
  return (
    db
      .selectFrom('payments')
      .innerJoin('orderCopies', 'orderCopies.id', 'payments.orderId')
      .selectAll('payments')
      .select('orderCopies.status as orderStatus')
      .where('payments.orderId', 'in', ids)
      .where('payments.status', '=', 'SUCCEEDED')
      .where('orderCopies.buyerId', '=', buyerId)
      // A payment given back does not pay the order.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('refundRequests')
              .select('paymentIntent')
              .whereRef('refundRequests.paymentId', '=', 'payments.id'),
          ),
        ),
      )
      .execute()
  );
}

export async function findPaymentByAttempt(
  db: Kysely<PaymentsDatabase>,
  attemptId: string,
): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('attemptId', '=', attemptId).executeTakeFirst();
}

/** A failed payment whose charge did go through after all (a late webhook said so). */
export async function markPaymentSucceeded(
  db: Kysely<PaymentsDatabase>,
  id: string,
  providerRef: string | null,
): Promise<PaymentRow> {
  return db
    .updateTable('payments')
    .set({ status: 'SUCCEEDED', providerRef })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Keeps a provider webhook event for the record. It is written after the event was handled
 * (handling is idempotent), so a handler that failed is run again when the provider retries.
 */
export async function recordWebhookEvent(db: Kysely<PaymentsDatabase>, id: string, type: string): Promise<void> {
  await db
    .insertInto('webhookEvents')
    .values({ id, type })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}
