import { whenReady } from '@stuffmart/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

type Listener = (payload: unknown) => void;

/**
 * Live updates fanned out through Redis pub/sub, so a change made in one process reaches
 * subscribers held by any other. Pub/sub forgets what nobody hears: it carries only "now"
 * for screens; durable facts travel on the event streams.
 */
export class LiveUpdates {
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Each channel's SUBSCRIBE at Redis, so every listener waits until it is really active. */
  private readonly active = new Map<string, Promise<unknown>>();

  /**
   * @param publisher any connection without key prefix
   * @param subscriber a connection of its own (a subscribed connection can do nothing else)
   */
  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly namespace: string,
    private readonly logger: Logger,
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      const listeners = this.listeners.get(channel);
      if (!listeners) return;
      let payload: unknown;
      try {
        payload = JSON.parse(message);
      } catch {
        logger.warn({ channel }, 'ignored a live update that is not JSON');
        return;
      }
      for (const listener of listeners) listener(payload);
    });
  }

  private channel(topic: string): string {
    return `${this.namespace}:live:${topic}`;
  }

  /**
   * The topics someone listens to now, in any process (one PUBSUB NUMSUB for all). A topic
   * nobody listens to need not be published: a subscriber who comes later is active at Redis
   * before it reads the current state (`subscribe`), so it reads any change made before.
   */
  async listened(topics: readonly string[]): Promise<Set<string>> {
    if (topics.length === 0) return new Set();
    const reply = (await this.publisher.pubsub('NUMSUB', ...topics.map((topic) => this.channel(topic)))) as Array<
      string | number
    >;
    const heard = new Set<string>();
    topics.forEach((topic, index) => {
      if (Number(reply[2 * index + 1]) > 0) heard.add(topic);
    });
    return heard;
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    await this.publisher.publish(this.channel(topic), JSON.stringify(payload));
  }

  /**
   * Resolves once the subscription is active at Redis, so a caller that reads the current
   * state after this cannot miss a change made in between.
   */
  async subscribe<T>(topic: string): Promise<AsyncIterableIterator<T>> {
    const channel = this.channel(topic);
    const queue: T[] = [];
    let wake: ((result: IteratorResult<T>) => void) | undefined;
    let closed = false;
    const listener: Listener = (payload) => {
      if (wake) {
        const resolve = wake;
        wake = undefined;
        resolve({ value: payload as T, done: false });
      } else {
        queue.push(payload as T);
      }
    };
    let listeners = this.listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(channel, listeners);
    }
    listeners.add(listener);
    let subscribed = this.active.get(channel);
    if (!subscribed) {
      subscribed = whenReady(this.subscriber).then(() => this.subscriber.subscribe(channel));
      this.active.set(channel, subscribed);
    }
    try {
      await subscribed;
    } catch (error) {
      // A failed SUBSCRIBE must not leave a channel that looks active but hears nothing.
      listeners.delete(listener);
      if (this.active.get(channel) === subscribed) this.active.delete(channel);
      if (listeners.size === 0) this.listeners.delete(channel);
      throw error;
    }

    const close = async () => {
      if (closed) return;
      closed = true;
      wake?.({ value: undefined, done: true });
      wake = undefined;
      const current = this.listeners.get(channel);
      current?.delete(listener);
      if (current && current.size === 0) {
        this.listeners.delete(channel);
        this.active.delete(channel);
        await this.subscriber.unsubscribe(channel).catch(() => undefined);
      }
    };
    // A hand-made iterator rather than an async generator: graphql-ws ends a subscription with
    // return(), which must take effect at once, not after the next message arrives.
    const iterator: AsyncIterableIterator<T> = {
      next: () => {
        if (queue.length > 0) return Promise.resolve({ value: queue.shift() as T, done: false });
        if (closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (wake = resolve));
      },
      return: async () => {
        await close();
        return { value: undefined, done: true };
      },
      throw: async (error) => {
        await close();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }
}
