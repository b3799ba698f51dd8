/** How an order ended, in orders' own word: it never changes afterwards. */
export type OrderEnd = 'COMPLETE' | 'CANCELLED';

/**
 * Orders' word on how orders ended, as this process read it off orders' stream, a moment
 * before its own copy applies it. A payOrder waiting for the completion answers on it: the
 * word is what the answer waits for (orders committed it, and never undoes it), and the
 * copy's transaction, which on two busy cores shares them with catalog's and the worker's
 * handling of the same event, is no longer in the buyer's way. In another replica the copy's
 * change (NOTIFY at commit) still wakes the waiter. Bounded: the oldest words are forgotten,
 * and the copy answers for them.
 */
export class OrdersWord {
  private readonly said = new Map<string, OrderEnd>();

  constructor(private readonly maxOrders = 10_000) {}

  heard(orderId: string, end: OrderEnd): void {
    if (this.said.size >= this.maxOrders && !this.said.has(orderId)) {
      this.said.delete(this.said.keys().next().value!);
    }
    this.said.set(orderId, end);
  }

  of(orderId: string): OrderEnd | undefined {
    return this.said.get(orderId);
  }
}
