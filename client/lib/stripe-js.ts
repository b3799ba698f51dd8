import type { Stripe } from '@stripe/stripe-js';
import { loadStripe as loadStripeJs } from '@stripe/stripe-js/pure';

export type { Stripe, StripeElementsOptionsMode, StripePaymentElementChangeEvent } from '@stripe/stripe-js';

/**
 * Stripe.js, loaded from Stripe at run time (as Stripe requires, so card data stays out of our
 * pages) by Stripe's own loader, once per page, and only when a payment form asks for it: the
 * pure entry does not add the script on import.
 */
let loading: Promise<Stripe> | null = null;

export function loadStripe(publishableKey: string): Promise<Stripe> {
  loading ??= loadStripeJs(publishableKey)
    .then((stripe) => {
      if (!stripe) throw new Error('Stripe.js missing');
      return stripe;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
