import type { Redis } from 'ioredis';
import { whenReady } from '../redis/create-redis.js';
import type { Notifications } from './notifications.js';

/**
 * Passes Redis pub/sub messages on to `notifications`, the channel's name as the topic. The
 * connection is its own (a subscribed connection can do nothing else). ioredis subscribes
 * again after a reconnect; what was published meanwhile is gone, so every waiter looks again.
 */
export class RedisNotices {
  constructor(
    private readonly subscriber: Redis,
    notifications: Notifications,
  ) {
    subscriber.on('message', (channel: string) => notifications.notify(channel));
    subscriber.on('ready', () => notifications.notifyAll());
  }

  async listen(channel: string): Promise<void> {
    await whenReady(this.subscriber);
    await this.subscriber.subscribe(channel);
  }

  close(): void {
    this.subscriber.disconnect();
  }
}
