import Stripe from 'stripe';

export type ChargeResult =
  | { outcome: 'succeeded'; providerRef: string }
  | { outcome: 'declined'; reason: string; providerRef: string | null }
  /** The card's bank asks the buyer to confirm (3-D Secure); Stripe.js finishes it with the secret. */
  | { outcome: 'requires_action'; providerRef: string; clientSecret: string }
  /** No answer we can trust (network, provider error): the charge may or may not exist. */
  | { outcome: 'unknown'; reason: string };

export interface ChargeRequest {
  amountCents: number;
  currency: string;
  paymentMethodId: string;
  orderId: string;
  attemptId: string;
  idempotencyKey: string;
}

/** Each call to Stripe gives up after this long, and is tried once more after a network error. */
const CALL_TIMEOUT_MS = 10_000;
const NETWORK_RETRIES = 1;
/** The longest a call to Stripe takes: every try, and the client's pause between them (5 s at most). */
export const LONGEST_CALL_MS = CALL_TIMEOUT_MS * (NETWORK_RETRIES + 1) + 5_000 * NETWORK_RETRIES;

function clientOptions(apiUrl: string | undefined): Stripe.StripeConfig {
  if (!apiUrl) return { maxNetworkRetries: NETWORK_RETRIES };
  const url = new URL(apiUrl);
  return {
    host: url.hostname,
    port: url.port || (url.protocol === 'https:' ? 443 : 80),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    maxNetworkRetries: NETWORK_RETRIES,
  };
}

function resultOf(intent: Stripe.PaymentIntent): ChargeResult {
  if (intent.status === 'succeeded') return { outcome: 'succeeded', providerRef: intent.id };
  if (intent.status === 'requires_payment_method' || intent.status === 'canceled') {
    return {
      outcome: 'declined',
      reason: intent.last_payment_error?.message ?? 'The card was declined',
      providerRef: intent.id,
    };
  }
  if (intent.status === 'requires_action' && intent.client_secret) {
    return { outcome: 'requires_action', providerRef: intent.id, clientSecret: intent.client_secret };
  }
  // processing, …: not settled yet. The attempt stays open and the webhook (or a retry with the
  // same key) settles it; calling it declined could lead the buyer to pay twice.
  return { outcome: 'unknown', reason: `The payment is ${intent.status.replace(/_/g, ' ')}` };
}

/**
 * Stripe PaymentIntents, created and confirmed in one call with the attempt's idempotency
 * key: Stripe answers a repeated key with the first result, so a retried request or a
 * restarted process can never make a second charge.
 */
export class StripeGateway {
  private readonly stripe: Stripe;

  constructor(
    secretKey: string,
    apiUrl: string | undefined,
    private readonly webhookSecret: string | undefined,
  ) {
    // Two tries of 10 s at most stay well inside the 30 s after which an open attempt counts as
    // abandoned and may be re-sent (payment-attempts.ts).
    this.stripe = new Stripe(secretKey, { ...clientOptions(apiUrl), timeout: CALL_TIMEOUT_MS });
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: request.amountCents,
          currency: request.currency,
          payment_method: request.paymentMethodId,
          confirm: true,
          // Cards settle at once; methods that settle later (bank debits) would need a flow we do not have.
          payment_method_types: ['card'],
          metadata: { orderId: request.orderId, attemptId: request.attemptId },
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return resultOf(intent);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeCardError) {
        return { outcome: 'declined', reason: error.message, providerRef: error.payment_intent?.id ?? null };
      }
      if (error instanceof Stripe.errors.StripeInvalidRequestError) {
        return { outcome: 'declined', reason: error.message, providerRef: error.payment_intent?.id ?? null };
      }
      return { outcome: 'unknown', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The intent as it is now: after the buyer's confirmation it has settled (or failed). */
  async retrieve(paymentIntentId: string): Promise<ChargeResult> {
    try {
      return resultOf(await this.stripe.paymentIntents.retrieve(paymentIntentId));
    } catch (error) {
      return { outcome: 'unknown', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Gives up an intent still waiting for the buyer's bank. One that succeeded meanwhile cannot be
   * cancelled: then (or when Stripe cannot be reached) the answer is how it stands now.
   */
  async cancel(paymentIntentId: string): Promise<ChargeResult> {
    try {
      return resultOf(await this.stripe.paymentIntents.cancel(paymentIntentId));
    } catch {
      return this.retrieve(paymentIntentId);
    }
  }

  /** Gives a charge back in full; the key makes a repeated refund a no-op at Stripe. */
  async refund(paymentIntentId: string): Promise<string> {
    const refund = await this.stripe.refunds.create(
      { payment_intent: paymentIntentId },
      { idempotencyKey: `stuffmart-refund-${paymentIntentId}` },
    );
    return refund.id;
  }

  /** Throws unless the body was signed with our webhook secret. */
  verifyWebhook(rawBody: Buffer, signature: string | undefined): Stripe.Event {
    if (!this.webhookSecret) throw new Error('STRIPE_WEBHOOK_SECRET is not configured');
    if (!signature) throw new Error('missing Stripe-Signature header');
    return this.stripe.webhooks.constructEvent(rawBody, signature, this.webhookSecret);
  }
}
