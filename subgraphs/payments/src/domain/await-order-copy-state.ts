import { waitFor } from '@stuffmart/common';
import type { OrderCopy } from '../data-access/payments-database.js';
import { findOrderCopy } from '../data-access/order-copies.js';
import type { PaymentsDeps } from './payments-deps.js';

/**
 * Waits until `decide` makes something of the order's local copy (it returns undefined while
 * the news it waits for has not arrived), looking again on each notice of the order, or until
 * `timeoutMs` has passed: then undefined. `known`, when given, is asked first on each look: what
 * this process already knows without reading the copy (orders' word, see OrdersWord).
 */
export async function awaitOrderCopyState<T>(
  deps: PaymentsDeps,
  orderId: string,
  timeoutMs: number,
  decide: (copy: OrderCopy | undefined) => T | undefined,
  known?: () => T | undefined,
): Promise<T | undefined> {
  return waitFor({
    check: async () => known?.() ?? decide(await findOrderCopy(deps.db, orderId)),
    on: deps.orderNews(orderId),
    timeoutMs,
  });
}
