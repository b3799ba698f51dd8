import { parseEvent, Redis, streamKey, type DomainEvent } from '@stuffmart/common';
import { STREAMS } from '@stuffmart/contract/events';
import type { TestSystem } from '../../../../test/system/index.js';

/** What catalog has published about one stuff, waiting until at least `count` events are out. */
export async function publishedEventsOf(
  system: TestSystem,
  stuffId: string,
  count: number,
  timeoutMs = 5000,
): Promise<DomainEvent[]> {
  const redis = new Redis(system.env.REDIS_URL!);
  const key = streamKey(system.env.STUFFMART_NAMESPACE!, STREAMS.catalog);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const entries = await redis.xrange(key, '-', '+');
      const events = entries
        .map(([, fields]) => parseEvent(fields[fields.indexOf('event') + 1]!))
        .filter((event) => event.subjectId === stuffId);
      if (events.length >= count || Date.now() > deadline) return events;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    redis.disconnect();
  }
}
