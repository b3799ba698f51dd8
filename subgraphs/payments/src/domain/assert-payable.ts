import { OrderNotPayableError } from '@stuffmart/common';
import type { OrderCopy } from '../data-access/payments-database.js';
import { expiresTooSoon } from './record-charge.js';

/** An order can be paid while it awaits payment and its reservation is not about to run out. */
export function assertPayable(order: OrderCopy): void {
  if (order.status !== 'AWAITING_PAYMENT') throw new OrderNotPayableError(order.status);
  if (expiresTooSoon(order)) throw new OrderNotPayableError('CANCELLED (its reservation has run out)');
}
