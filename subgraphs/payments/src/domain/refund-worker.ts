import { DrainLoop, type Logger } from '@stuffmart/common';
import { claimDueRefunds, markRefunded, postponeRefund } from '../data-access/refund-requests.js';
import type { PaymentsDeps } from './payments-deps.js';

/**
 * Carries out refund requests: each in a transaction of its own that locks only its request
 * row (SKIP LOCKED, so replicas share the work), with Stripe's idempotency key derived from
 * the PaymentIntent so that a retry never refunds twice. A Stripe outage only postpones them.
 * Woken after a transaction that requested a refund, so it goes out at once.
 */
export class RefundWorker extends DrainLoop {
  constructor(
    private readonly deps: Pick<PaymentsDeps, 'db' | 'stripe'>,
    private readonly logger: Logger,
    intervalMs = 1000,
  ) {
    super({ name: 'refunds', batchSize: 1, pollIntervalMs: intervalMs, failurePauseMs: intervalMs, logger });
  }

  /** Refunds one due request; returns how many it claimed (0 or 1). */
  protected override async round(): Promise<number> {
    const { db, stripe } = this.deps;
    if (!stripe) return 0;
    return db.transaction().execute(async (trx) => {
      const [request] = await claimDueRefunds(trx, 1);
      if (!request) return 0;
      try {
        await markRefunded(trx, request.paymentIntent, await stripe.refund(request.paymentIntent));
      } catch (error) {
        this.logger.warn({ err: (error as Error).message, paymentIntent: request.paymentIntent }, 'refund postponed');
        await postponeRefund(trx, request.paymentIntent);
      }
      return 1;
    });
  }
}
