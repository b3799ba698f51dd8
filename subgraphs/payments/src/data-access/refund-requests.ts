import { sql, type Kysely } from 'kysely';
import type { PaymentsDatabase } from './payments-database.js';

export interface RefundRequest {
  /** What to give back; `free-<payment id>` for a payment that charged nothing. */
  paymentIntent: string;
  paymentId: string | null;
  amountCents: number;
  reason: string;
  /** Set at once when there is nothing to send back. */
  refundedAt?: Date;
}

/** Asks for a charge to be given back; asking twice changes nothing. */
export async function requestRefund(db: Kysely<PaymentsDatabase>, request: RefundRequest): Promise<void> {
  await db
    .insertInto('refundRequests')
    .values(request)
    .onConflict((conflict) => conflict.column('paymentIntent').doNothing())
    .execute();
}

export async function isRefundRequested(db: Kysely<PaymentsDatabase>, paymentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('refundRequests')
    .select('paymentIntent')
    .where('paymentId', '=', paymentId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Due requests, claimed for this transaction only: replicas never refund the same one at once. */
export async function claimDueRefunds(db: Kysely<PaymentsDatabase>, limit: number) {
  return db
    .selectFrom('refundRequests')
    .selectAll()
    .where('refundedAt', 'is', null)
    .where('nextTryAt', '<=', new Date())
    .orderBy('nextTryAt')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markRefunded(
  db: Kysely<PaymentsDatabase>,
  paymentIntent: string,
  providerRef: string,
): Promise<void> {
  await db
    .updateTable('refundRequests')
    .set({ refundedAt: new Date(), providerRef })
    .where('paymentIntent', '=', paymentIntent)
    .execute();
}

/** Tries again later, backing off up to a minute. */
export async function postponeRefund(db: Kysely<PaymentsDatabase>, paymentIntent: string): Promise<void> {
  await db
    .updateTable('refundRequests')
    .set({
      failures: sql`failures + 1`,
      nextTryAt: sql`now() + least(interval '60 seconds', interval '1 second' * power(2, failures))`,
    })
    .where('paymentIntent', '=', paymentIntent)
    .execute();
}
