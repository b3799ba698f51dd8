import type { Redis } from 'ioredis';
import type { Notifications, Subscribe } from '../wait/notifications.js';
import { streamKey } from './domain-event.js';

/**
 * Where a publisher's relay notes (in Redis' clock) when it last found its outbox empty; the
 * relay also publishes each later moment on the channel of that name.
 */
export function outboxClearKey(namespace: string, publisher: string): string {
  return `${streamKey(namespace, publisher)}:outbox-clear-at`;
}

/** Redis' clock, in ms: the one clock the relays and the consumers share. */
export async function redisTime(redis: Redis): Promise<number> {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

/**
 * Tells "it does not exist" from "its news has not reached us yet", for a local copy of
 * another service's subject. The owner's relay notes when it found its outbox empty; every
 * event it committed before then is on its stream. When that moment is past `since` and our
 * consumer group has read and applied everything on the stream, all the owner's news from
 * before `since` is applied here. Anything else (a lagging consumer, a relay that cannot
 * publish, Redis away) means we cannot know.
 */
export class NewsCheck {
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
    /** The consuming service's group. */
    private readonly group: string,
    /** Where the relays' notes are heard (`outboxClearKey` channels, see RedisNotices). */
    private readonly notifications: Notifications,
  ) {}

  /** Notices after which `allArrived` may have become true: the publisher's relay noted its outbox clear. */
  progress(publisher: string): Subscribe {
    return this.notifications.on(outboxClearKey(this.namespace, publisher));
  }

  /** Now in Redis' clock, or undefined when Redis cannot be asked. */
  async now(): Promise<number | undefined> {
    try {
      return await redisTime(this.redis);
    } catch {
      return undefined;
    }
  }

  /** True only when everything `publisher` committed before `since` has been applied by our group. */
  async allArrived(publisher: string, since: number | undefined): Promise<boolean> {
    if (since === undefined) return false;
    try {
      const clearAt = Number((await this.redis.get(outboxClearKey(this.namespace, publisher))) ?? 0);
      if (clearAt < since) return false;
      const groups = (await this.redis.xinfo('GROUPS', streamKey(this.namespace, publisher))) as unknown[][];
      const ours = groups.find((info) => info[info.indexOf('name') + 1] === this.group);
      if (!ours) return false;
      // lag is null when Redis cannot tell (entries deleted): then we cannot either.
      return ours[ours.indexOf('pending') + 1] === 0 && ours[ours.indexOf('lag') + 1] === 0;
    } catch {
      return false;
    }
  }
}
