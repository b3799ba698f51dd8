'use client';

import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { confirmWithBank } from '../lib/pay-with-card';
import { loadStripe, type Stripe, type StripeElementsOptionsMode } from '../lib/stripe-js';

/** What the payment form asks of the card field when it is submitted. */
export interface CardPayment {
  /** True when nothing was typed: the order may still be paid by a full coupon. */
  isEmpty(): boolean;
  /** Turns what was typed into a Stripe PaymentMethod id; throws with Stripe's reason. */
  createPaymentMethod(): Promise<string>;
  /** The bank's challenge (3-D Secure) for the payment payOrder left REQUIRES_ACTION; throws with Stripe's reason. */
  confirmWithBank(clientSecret: string): Promise<void>;
}

interface StripePaymentFieldProps {
  publishableKey: string;
  /** The order's price in the currency's minor units, and the currency: the Payment Element shows what fits them. */
  amount: number;
  currency: string;
  onReady: (card: CardPayment | null) => void;
}

const UNAVAILABLE = 'Card payment could not be loaded. Check your connection, or pay with a coupon.';

/**
 * Stripe's Payment Element, through Stripe's React components. The card goes to Stripe and only
 * a PaymentMethod id comes back; our server creates and confirms the PaymentIntent (payOrder),
 * and when the bank asks for 3-D Secure the browser finishes it with the client secret
 * (Stripe's "finalize payments on the server" flow, which lets payOrder keep one charge per order).
 */
export function StripePaymentField({ publishableKey, amount, currency, onReady }: StripePaymentFieldProps) {
  const id = useId();
  const [stripe, setStripe] = useState<Promise<Stripe | null> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Loaded in the browser only, after hydration: Stripe.js has no business on the server.
  useEffect(() => {
    setStripe(
      loadStripe(publishableKey).catch(() => {
        setProblem(UNAVAILABLE);
        return null;
      }),
    );
  }, [publishableKey]);
  // One options object per order: Elements passes a changed one on to Stripe.js.
  const options = useMemo<StripeElementsOptionsMode>(
    () => ({
      mode: 'payment',
      amount,
      currency: currency.toLowerCase(),
      paymentMethodCreation: 'manual',
      paymentMethodTypes: ['card'],
    }),
    [amount, currency],
  );

  return (
    <div className="field">
      <span className="label" id={`${id}-label`}>
        Card
      </span>
      <div className="card-input" role="group" aria-labelledby={`${id}-label`}>
        {stripe ? (
          <Elements stripe={stripe} options={options}>
            <CardInput onReady={onReady} onProblem={setProblem} />
          </Elements>
        ) : null}
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

function CardInput({
  onReady,
  onProblem,
}: {
  onReady: (card: CardPayment | null) => void;
  onProblem: (problem: string | null) => void;
}) {
  const stripe = useStripe();
  const elements = useElements();
  const empty = useRef(true);

  useEffect(() => {
    if (!stripe || !elements) return;
    onReady({
      isEmpty: () => empty.current,
      createPaymentMethod: async () => {
        // Stripe checks what was typed first (and shows what is wrong beside it).
        const submitted = await elements.submit();
        if (submitted.error) throw new Error(submitted.error.message ?? 'Check the card details.');
        const { paymentMethod, error } = await stripe.createPaymentMethod({ elements });
        if (!paymentMethod) throw new Error(error?.message ?? 'The card was not accepted.');
        return paymentMethod.id;
      },
      confirmWithBank: (clientSecret) => confirmWithBank(stripe, clientSecret),
    });
    return () => onReady(null);
  }, [stripe, elements, onReady]);

  return (
    <PaymentElement
      onChange={(change) => {
        empty.current = change.empty;
      }}
      onLoadError={() => onProblem(UNAVAILABLE)}
    />
  );
}
