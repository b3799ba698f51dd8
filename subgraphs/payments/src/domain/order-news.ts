/**
 * Tells a payOrder waiting in this process that news of its order (a hold, a completion, a
 * cancellation) has just been applied, so it looks at once instead of on its next round.
 * Another replica may apply the news, so waiters also look again every `fallbackMs`.
 */
export class OrderNews {
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(private readonly fallbackMs = 100) {}

  notify(orderId: string): void {
    const waiting = this.waiters.get(orderId);
    if (!waiting) return;
    this.waiters.delete(orderId);
    for (const wake of waiting) wake();
  }

  /** Resolves on news of the order, after `fallbackMs`, or at `deadline`, whichever is first. */
  next(orderId: string, deadline: number): Promise<void> {
    return new Promise((resolve) => {
      const waiting = this.waiters.get(orderId) ?? new Set();
      this.waiters.set(orderId, waiting);
      const done = () => {
        clearTimeout(timer);
        waiting.delete(done);
        if (waiting.size === 0 && this.waiters.get(orderId) === waiting) this.waiters.delete(orderId);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, Math.min(this.fallbackMs, deadline - Date.now())));
      waiting.add(done);
    });
  }
}
