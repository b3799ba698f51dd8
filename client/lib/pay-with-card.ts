/** Where a payment stands in the form: sending it, the bank's challenge, then Stripe's word. */
export type PaymentStage = 'idle' | 'paying' | 'confirming' | 'waiting';

/** The bank's confirmation could not be had: the order stays payable, and Stripe's reason is shown as is. */
export class BankConfirmationError extends Error {}

export interface PayOrderAnswer {
  status: string;
  clientSecret: string | null;
}

export interface PayWithCardSteps {
  /** payOrder, as the gateway answers it. */
  payOrder(): Promise<PayOrderAnswer>;
  /** Stripe.js's bank challenge for a payment that needs it (3-D Secure); null without Stripe.js. */
  confirmWithBank: ((clientSecret: string) => Promise<void>) | null;
  onStage(stage: PaymentStage): void;
}

/**
 * Pays the order. Most cards are paid when payOrder answers; one that needs 3-D Secure answers
 * REQUIRES_ACTION, and the buyer then confirms with the bank through Stripe.js. That charge is
 * recorded from Stripe's webhook, so the order page waits for orderStatusChanged afterwards:
 * 'paid' means payOrder said so, 'confirmed' that the bank did and the order's word is coming.
 */
export async function payWithCard(steps: PayWithCardSteps): Promise<'paid' | 'confirmed'> {
  steps.onStage('paying');
  const payment = await steps.payOrder();
  if (payment.status !== 'REQUIRES_ACTION') return 'paid';
  if (!payment.clientSecret || !steps.confirmWithBank) {
    throw new BankConfirmationError(
      'Your bank asks you to confirm this payment, but card payment could not be loaded here.',
    );
  }
  steps.onStage('confirming');
  await steps.confirmWithBank(payment.clientSecret);
  steps.onStage('waiting');
  return 'confirmed';
}

/** The part of Stripe.js that finishes a payment our server left REQUIRES_ACTION. */
export interface BankChallenge {
  handleNextAction(options: {
    clientSecret: string;
  }): Promise<{ paymentIntent?: { status: string }; error?: { message?: string } }>;
}

/** Where the intent stands when the bank refused: the buyer has to pay again. */
const REFUSED = new Set(['requires_payment_method', 'canceled']);

/**
 * Stripe.js shows the bank's challenge (3-D Secure) for the intent payOrder confirmed on the
 * server, as Stripe's "finalize payments on the server" flow does; a refusal throws with
 * Stripe's reason (the order stays payable).
 */
export async function confirmWithBank(stripe: BankChallenge, clientSecret: string): Promise<void> {
  const { paymentIntent, error } = await stripe.handleNextAction({ clientSecret });
  if (error || !paymentIntent || REFUSED.has(paymentIntent.status))
    throw new BankConfirmationError(error?.message ?? 'Your bank did not confirm the payment.');
}
