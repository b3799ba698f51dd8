import type { ContractEventOf, HandleOutcome } from '@stuffmart/common';
import type { PAYMENT_SUCCEEDED } from '@stuffmart/contract/events';
import type { Kysely } from 'kysely';
import type { OrdersDatabase } from '../data-access/orders-database.js';
import { completeOrder } from '../domain/complete-order.js';

export async function applyPaymentSucceeded(
  event: ContractEventOf<typeof PAYMENT_SUCCEEDED>,
  trx: Kysely<OrdersDatabase>,
): Promise<HandleOutcome> {
  await completeOrder(trx, event.data.orderId, event.data.paymentId);
  return 'done';
}
