'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { confirmCardPayment } from '../lib/pay-with-card';
import { loadStripe, type StripeCardElementChangeEvent } from '../lib/stripe-js';

/** What the payment form asks of the card field when it is submitted. */
export interface CardPayment {
  /** True when nothing was typed: the order may still be paid by a full coupon. */
  isEmpty(): boolean;
  /** Turns the card into a Stripe PaymentMethod id; throws with Stripe's reason. */
  createPaymentMethod(): Promise<string>;
  /** The bank's challenge (3-D Secure) for the payment payOrder left REQUIRES_ACTION; throws with Stripe's reason. */
  confirmWithBank(clientSecret: string): Promise<void>;
}

interface StripeCardFieldProps {
  publishableKey: string;
  onReady: (card: CardPayment | null) => void;
}

/** Stripe Elements' card input: the card number goes to Stripe, only a PaymentMethod id comes back. */
export function StripeCardField({ publishableKey, onReady }: StripeCardFieldProps) {
  const id = useId();
  const mountRef = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    let destroy: (() => void) | null = null;
    loadStripe(publishableKey)
      .then((stripe) => {
        if (disposed || !mountRef.current) return;
        const card = stripe.elements().create('card', { hidePostalCode: true });
        let last: Pick<StripeCardElementChangeEvent, 'empty'> = { empty: true };
        card.on('change', (change: StripeCardElementChangeEvent) => {
          last = change;
          setProblem(change.error?.message ?? null);
        });
        card.mount(mountRef.current);
        destroy = () => card.destroy();
        onReady({
          isEmpty: () => last.empty,
          createPaymentMethod: async () => {
            const { paymentMethod, error } = await stripe.createPaymentMethod({ type: 'card', card });
            if (!paymentMethod) throw new Error(error?.message ?? 'The card was not accepted.');
            return paymentMethod.id;
          },
          confirmWithBank: (clientSecret) => confirmCardPayment(stripe, clientSecret),
        });
      })
      .catch(() => {
        if (!disposed) setProblem('Card payment could not be loaded. Check your connection, or pay with a coupon.');
      });
    return () => {
      disposed = true;
      destroy?.();
      onReady(null);
    };
  }, [publishableKey, onReady]);

  return (
    <div className="field">
      <span className="label" id={`${id}-label`}>
        Card
      </span>
      <div ref={mountRef} className="card-input" role="group" aria-labelledby={`${id}-label`} />
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
