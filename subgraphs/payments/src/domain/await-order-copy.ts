import { setTimeout as sleep } from 'node:timers/promises';
import { isUuid, NotFoundError } from '@stuffmart/common';
import { findOrderCopy } from '../data-access/order-copies.js';
import type { OrderCopy } from '../data-access/payments-database.js';
import type { PaymentsDeps } from './payments-deps.js';

/** Payments learns of an order from its event; a payOrder sent sooner waits a moment for it. */
export async function awaitOrderCopy(deps: PaymentsDeps, orderId: string): Promise<OrderCopy> {
  if (!isUuid(orderId)) throw new NotFoundError('Order');
  const deadline = Date.now() + deps.orderArrivalTimeoutMs;
  for (;;) {
    const order = await findOrderCopy(deps.db, orderId);
    if (order) return order;
    if (Date.now() >= deadline) throw new NotFoundError('Order');
    await sleep(50);
  }
}
