/** How an order ended, in orders' own word: it never changes afterwards. */
export type OrderEnd = 'COMPLETE' | 'CANCELLED';

/** Orders holds the order past its expiry for this attempt, until then. */
export interface OrderHold {
  attemptId: string;
  heldUntil: Date;
}

/**
 * Orders' word on orders (how they ended, whom they are held for), as this process read it off
 * orders' stream, a moment before its own copy applies it. A payOrder waiting for the hold or
 * the completion goes on at the word: it is what the wait is for (orders committed it, and
 * never takes an end back; a hold it gives lasts until `heldUntil`), and the copy's
 * transaction, which on two busy cores shares them with catalog's and the worker's handling
 * of the same event, is no longer in the buyer's way. In another replica the copy's change
 * (NOTIFY at commit) still wakes the waiter. Bounded: the oldest orders are forgotten, and the
 * copy answers for them.
 */
export class OrdersWord {
  private readonly ends = new Map<string, OrderEnd>();
  private readonly holds = new Map<string, OrderHold>();

  constructor(private readonly maxOrders = 10_000) {}

  heard(orderId: string, end: OrderEnd): void {
    remember(this.ends, orderId, end, this.maxOrders);
    this.holds.delete(orderId);
  }

  heardHold(orderId: string, hold: OrderHold): void {
    remember(this.holds, orderId, hold, this.maxOrders);
  }

  of(orderId: string): OrderEnd | undefined {
    return this.ends.get(orderId);
  }

  holdOf(orderId: string): OrderHold | undefined {
    return this.holds.get(orderId);
  }
}

function remember<T>(map: Map<string, T>, key: string, value: T, max: number): void {
  map.delete(key);
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
}
