/**
 * The part of Stripe.js the payment form uses. Stripe.js is loaded from Stripe at run time,
 * as Stripe requires for card data to stay out of our pages, so it is typed here rather
 * than through a package.
 */
export interface StripeCardChange {
  complete: boolean;
  empty: boolean;
  error?: { message: string };
}

export interface StripeCardElement {
  mount(element: HTMLElement): void;
  destroy(): void;
  on(event: 'change', handler: (change: StripeCardChange) => void): void;
}

export interface Stripe {
  elements(): { create(type: 'card', options?: { hidePostalCode?: boolean }): StripeCardElement };
  createPaymentMethod(options: {
    type: 'card';
    card: StripeCardElement;
  }): Promise<{ paymentMethod?: { id: string }; error?: { message?: string } }>;
  /**
   * Finishes a PaymentIntent our server created and confirmed that the card's bank wants
   * confirmed by the buyer (3-D Secure): Stripe.js shows the bank's challenge.
   */
  confirmCardPayment(
    clientSecret: string,
  ): Promise<{ paymentIntent?: { status: string }; error?: { message?: string } }>;
}

declare global {
  interface Window {
    Stripe?: (publishableKey: string) => Stripe;
  }
}

const STRIPE_JS = 'https://js.stripe.com/v3/';
let loading: Promise<Stripe> | null = null;

export function loadStripe(publishableKey: string): Promise<Stripe> {
  loading ??= new Promise<Stripe>((resolve, reject) => {
    const ready = () =>
      window.Stripe ? resolve(window.Stripe(publishableKey)) : reject(new Error('Stripe.js missing'));
    if (window.Stripe) return ready();
    const script = document.createElement('script');
    script.src = STRIPE_JS;
    script.async = true;
    script.onload = ready;
    script.onerror = () => reject(new Error('Stripe.js could not be loaded'));
    document.head.appendChild(script);
  }).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
