import { randomUUID } from 'node:crypto';
import { newContractEvent, Redis, streamKey, type DomainEvent } from '@stuffmart/common';
import {
  ORDER_CANCELLED,
  ORDER_COMPLETED,
  ORDER_CREATED,
  STREAMS,
  type OrderCancelled,
  type OrderCompleted,
  type OrderCreated,
} from '@stuffmart/contract/events';
import type { TestSystem } from '../../../../test/system/index.js';
import type { TestStuff } from './stuffs.js';

/** One order of a stuff, and the events the orders subgraph would publish about it. */
export function anOrderOf(stuff: TestStuff, buyerId: string = randomUUID()) {
  const orderId = randomUUID();
  return {
    orderId,
    created: (): DomainEvent<OrderCreated> =>
      newContractEvent(ORDER_CREATED, orderId, 0, {
        orderId,
        stuffId: stuff.id,
        buyerId,
        sellerId: stuff.seller.id,
        priceCents: stuff.priceCents,
        currency: stuff.currency,
        expiresAt: new Date(Date.now() + 900_000).toISOString(),
      }),
    cancelled: (): DomainEvent<OrderCancelled> =>
      newContractEvent(ORDER_CANCELLED, orderId, 1, { orderId, stuffId: stuff.id, buyerId, reason: 'BUYER' }),
    completed: (): DomainEvent<OrderCompleted> =>
      newContractEvent(ORDER_COMPLETED, orderId, 1, { orderId, stuffId: stuff.id, buyerId, paymentId: randomUUID() }),
  };
}

function streamIdAtOrAfter(id: string, target: string): boolean {
  const [ms, seq] = id.split('-').map(BigInt);
  const [targetMs, targetSeq] = target.split('-').map(BigInt);
  return ms! > targetMs! || (ms === targetMs && seq! >= targetSeq!);
}

/**
 * Stands in for the orders subgraph's relay: XADDs the JSON envelope in field `event` to the
 * orders stream, with a connection without key prefix, exactly as the relay does.
 */
export class OrdersStream {
  private readonly redis: Redis;
  private readonly key: string;
  private lastEntryId = '0-0';

  constructor(system: TestSystem) {
    this.redis = new Redis(system.env.REDIS_URL!);
    this.key = streamKey(system.env.STUFFMART_NAMESPACE!, STREAMS.orders);
  }

  async publish(...events: DomainEvent<object>[]): Promise<void> {
    for (const event of events) {
      this.lastEntryId = (await this.redis.xadd(this.key, '*', 'event', JSON.stringify(event)))!;
    }
  }

  /**
   * Until catalog's consumer group has read everything published and acknowledged all of it:
   * an entry stays pending while it waits for an earlier version, so this means "applied".
   */
  async waitUntilCatalogApplied(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const groups = (await this.redis.xinfo('GROUPS', this.key)) as unknown[][];
      const catalog = groups
        .map((fields) =>
          Object.fromEntries(fields.flatMap((_, i) => (i % 2 === 0 ? [[fields[i], fields[i + 1]]] : []))),
        )
        .find((group) => group.name === 'catalog');
      if (
        catalog &&
        Number(catalog.pending) === 0 &&
        streamIdAtOrAfter(String(catalog['last-delivered-id']), this.lastEntryId)
      ) {
        return;
      }
      if (Date.now() > deadline) throw new Error(`catalog did not apply the orders stream: ${JSON.stringify(catalog)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  close(): void {
    this.redis.disconnect();
  }
}
