import type { Redis } from 'ioredis';
import { streamKey } from './domain-event.js';

/** The key a consumer keeps alive while it runs; peers read its absence as death. */
export function heartbeatKey(namespace: string, stream: string, group: string, consumer: string): string {
  return `${streamKey(namespace, stream)}:alive:${group}:${consumer}`;
}

/**
 * Whether some replica of `group` reads `stream` now: one of the group's consumers keeps its
 * heartbeat alive. False once the last has stopped (a consumer that stops withdraws its
 * heartbeat) or within its heartbeat's time to live of a kill; false too when Redis cannot be
 * asked, since nobody can then be heard. Two round trips.
 */
export async function isGroupReading(redis: Redis, namespace: string, stream: string, group: string): Promise<boolean> {
  try {
    const consumers = (await redis.xinfo('CONSUMERS', streamKey(namespace, stream), group)) as unknown[][];
    const keys = consumers.map((info) =>
      heartbeatKey(namespace, stream, group, String(info[info.indexOf('name') + 1])),
    );
    return keys.length > 0 && (await redis.exists(...keys)) > 0;
  } catch {
    return false;
  }
}
