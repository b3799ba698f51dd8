import type { Logger } from '@stuffmart/common';
import { claimDueRefunds, markRefunded, postponeRefund } from '../data-access/refund-requests.js';
import type { PaymentsDeps } from './payments-deps.js';

/**
 * Carries out refund requests: each in a transaction of its own that locks only its request
 * row (SKIP LOCKED, so replicas share the work), with Stripe's idempotency key derived from
 * the PaymentIntent so that a retry never refunds twice. A Stripe outage only postpones them.
 */
export class RefundWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly deps: Pick<PaymentsDeps, 'db' | 'stripe'>,
    private readonly logger: Logger,
    private readonly intervalMs = 1000,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.wake(), this.intervalMs);
  }

  /** Called after a transaction that requested a refund, so it goes out at once. */
  wake(): void {
    this.running ??= this.refundDue()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'refunds failed; will retry'))
      .finally(() => (this.running = undefined));
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async refundDue(): Promise<void> {
    const { db, stripe } = this.deps;
    if (!stripe) return;
    for (;;) {
      const handled = await db.transaction().execute(async (trx) => {
        const [request] = await claimDueRefunds(trx, 1);
        if (!request) return false;
        try {
          await markRefunded(trx, request.paymentIntent, await stripe.refund(request.paymentIntent));
        } catch (error) {
          this.logger.warn({ err: (error as Error).message, paymentIntent: request.paymentIntent }, 'refund postponed');
          await postponeRefund(trx, request.paymentIntent);
        }
        return true;
      });
      if (!handled) return;
    }
  }
}
