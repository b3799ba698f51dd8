import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullPrefix, QUEUE_NAME } from '@stuffmart/expiration';
import { eventually, listStuff, signUpActor } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';

const BUY = `mutation ($stuffId: ID!) { buyStuff(stuffId: $stuffId) { id expiresAt } }`;
const ORDER = `query ($id: ID!) { order(id: $id) { status stuff { availability reservedUntil } } }`;

async function buyAndWatchExpiry(system: TestSystem, beforeExpiry?: (orderId: string) => Promise<void>) {
  const seller = await signUpActor(system, 'seller');
  const buyer = await signUpActor(system, 'buyer');
  const stuffId = await listStuff(system, seller);
  const { body } = await system.graphql<any>(BUY, { stuffId }, { token: buyer.token });
  const { id, expiresAt } = body.data.buyStuff;
  await beforeExpiry?.(id);
  const seenCancelledAt = await eventually(
    async () => {
      const { body: read } = await system.graphql<any>(ORDER, { id }, { token: buyer.token });
      return read.data.order.status === 'CANCELLED' ? Date.now() : undefined;
    },
    10_000,
    'the order to be cancelled',
  );
  const { body: after } = await system.graphql<any>(ORDER, { id }, { token: buyer.token });
  return { lagMs: seenCancelledAt - new Date(expiresAt).getTime(), after: after.data.order };
}

describe('an unpaid order, timed by the expiration worker', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // The sweep is put out of the way: only the BullMQ job can cancel in time here.
    system = await startTestSystem({ RESERVATION_WINDOW_SECONDS: '2', EXPIRY_SWEEP_INTERVAL_MS: '600000' });
  });
  afterAll(() => system?.close());

  it('is CANCELLED within 2 seconds of expiresAt and the stuff is AVAILABLE again', async () => {
    const { lagMs, after } = await buyAndWatchExpiry(system);
    expect(lagMs).toBeGreaterThanOrEqual(0);
    expect(lagMs).toBeLessThan(2000);
    expect(after).toEqual({ status: 'CANCELLED', stuff: { availability: 'AVAILABLE', reservedUntil: null } });
  });
});

describe('an unpaid order whose timer was lost', () => {
  let system: TestSystem;
  let queue: Queue;
  beforeAll(async () => {
    system = await startTestSystem({ RESERVATION_WINDOW_SECONDS: '2' });
    queue = new Queue(QUEUE_NAME, {
      connection: { url: system.env.REDIS_URL!, maxRetriesPerRequest: null },
      prefix: bullPrefix(system.env.STUFFMART_NAMESPACE!),
    });
  });
  afterAll(async () => {
    await queue?.close();
    await system?.close();
  });

  it('is still cancelled within 2 seconds, by the database sweep', async () => {
    const { lagMs, after } = await buyAndWatchExpiry(system, async (orderId) => {
      const job = await eventually(async () => (await queue.getJob(orderId)) ?? undefined, 5000, 'the expiration job');
      await job.remove();
      expect(await queue.getJob(orderId)).toBeUndefined();
    });
    expect(lagMs).toBeLessThan(2000);
    expect(after.status).toBe('CANCELLED');
    expect(after.stuff.availability).toBe('AVAILABLE');
  });
});
