import type { DomainEvent, HandleOutcome, PaymentSucceeded } from '@stuffmart/common';
import type { Kysely } from 'kysely';
import type { OrdersDatabase } from '../data-access/orders-database.js';
import { completeOrder } from '../domain/complete-order.js';

export async function applyPaymentSucceeded(event: DomainEvent, trx: Kysely<OrdersDatabase>): Promise<HandleOutcome> {
  const payment = event.data as unknown as PaymentSucceeded;
  await completeOrder(trx, payment.orderId, payment.paymentId);
  return 'done';
}
