/** Subscribes `onNotice` to a source of notices; returns what unsubscribes it. */
export type Subscribe = (onNotice: () => void) => () => void;

/**
 * In-process fan-out of notices by topic: the one place where a process' sources of news (its
 * database's NOTIFY, Redis pub/sub) meet the requests waiting on them. A notice carries no
 * state, only "look again", so a notice too many costs one look and never a wrong answer.
 */
export class Notifications {
  private readonly listeners = new Map<string, Set<() => void>>();

  /** What waits on `topic`; subscribed for as long as the wait lasts. */
  on(topic: string): Subscribe {
    return (onNotice) => {
      let listeners = this.listeners.get(topic);
      if (!listeners) {
        listeners = new Set();
        this.listeners.set(topic, listeners);
      }
      // A listener of its own per subscription: the same function subscribed twice stays twice.
      const listener = () => onNotice();
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && this.listeners.get(topic) === listeners) this.listeners.delete(topic);
      };
    };
  }

  notify(topic: string): void {
    const listeners = this.listeners.get(topic);
    if (!listeners) return;
    for (const listener of [...listeners]) listener();
  }

  /**
   * Every waiter looks again: after a source could not be heard for a while (a dropped
   * connection), notices may have been missed, and a look is what they would have caused.
   */
  notifyAll(): void {
    for (const listeners of [...this.listeners.values()]) for (const listener of [...listeners]) listener();
  }
}
