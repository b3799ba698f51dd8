import { Queue, Worker, type ConnectionOptions } from 'bullmq';

export const QUEUE_NAME = 'order-expiration';

export interface ExpirationJob {
  orderId: string;
}

/** BullMQ keys live under the namespace, like every other key of the system. */
export function bullPrefix(namespace: string): string {
  return `${namespace}:bull`;
}

export function expirationQueue(connection: ConnectionOptions, namespace: string): Queue<ExpirationJob> {
  return new Queue<ExpirationJob>(QUEUE_NAME, {
    connection,
    prefix: bullPrefix(namespace),
    defaultJobOptions: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 200 },
      removeOnComplete: 1000,
      removeOnFail: 5000,
    },
  });
}

/**
 * One delayed job per order, its id derived from the order's: a redelivered order.created
 * adds nothing, and the job can be found again to be withdrawn. All in one round trip.
 */
export async function scheduleExpirations(
  queue: Queue<ExpirationJob>,
  timers: ReadonlyArray<{ orderId: string; expiresAt: Date }>,
): Promise<void> {
  if (timers.length === 0) return;
  const now = Date.now();
  await queue.addBulk(
    timers.map(({ orderId, expiresAt }) => ({
      name: 'expire',
      data: { orderId },
      opts: { jobId: orderId, delay: Math.max(0, expiresAt.getTime() - now) },
    })),
  );
}

/** Orders paid or cancelled need no timer; a job already gone is fine. */
export async function withdrawExpirations(queue: Queue<ExpirationJob>, orderIds: readonly string[]): Promise<void> {
  await Promise.all(
    [...new Set(orderIds)].map(async (orderId) => {
      const job = await queue.getJob(orderId);
      if (job && (await job.isDelayed())) await job.remove();
    }),
  );
}

export function expirationWorker(
  connection: ConnectionOptions,
  namespace: string,
  process: (job: ExpirationJob) => Promise<void>,
): Worker<ExpirationJob> {
  return new Worker<ExpirationJob>(QUEUE_NAME, async (job) => process(job.data), {
    connection,
    prefix: bullPrefix(namespace),
    concurrency: 50,
  });
}
