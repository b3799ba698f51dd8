'use client';

import { useMutation } from '@apollo/client/react';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { describeError } from '../lib/describe-error';
import { NO_FORM_ERRORS, toFormErrors, type FormErrors } from '../lib/form-errors';
import { PAY_ORDER } from '../lib/graphql/mutations';
import { formatPrice } from '../lib/money';
import { BankConfirmationError, payWithCard, type PaymentStage } from '../lib/pay-with-card';
import { FormAlert } from './form-alert';
import { PaymentStageNotice } from './payment-stage-notice';
import { StripePaymentField, type CardPayment } from './stripe-payment-field';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

const NOT_CHARGED = 'Nothing was charged, and the stuff is still reserved for you.';

interface PaymentFormProps {
  orderId: string;
  priceCents: number;
  currency: string;
  /** Null when this site has no Stripe key: then only a full coupon can pay, and the form says so. */
  stripePublishableKey: string | null;
  onPaid: () => void;
  /** The buyer's bank confirmed a 3-D Secure payment: the order's completion comes from Stripe's webhook. */
  onConfirmedWithBank: () => void;
}

export function PaymentForm({
  orderId,
  priceCents,
  currency,
  stripePublishableKey,
  onPaid,
  onConfirmedWithBank,
}: PaymentFormProps) {
  const [payOrder, { loading }] = useMutation(PAY_ORDER);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [preparing, setPreparing] = useState(false);
  const [stage, setStage] = useState<PaymentStage>('idle');
  const card = useRef<CardPayment | null>(null);
  const cardReady = useCallback((ready: CardPayment | null) => {
    card.current = ready;
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const couponCode = String(new FormData(event.currentTarget).get('couponCode') ?? '').trim() || null;
    setErrors(NO_FORM_ERRORS);
    let paymentMethodId: string | null = null;
    if (card.current && !card.current.isEmpty()) {
      setPreparing(true);
      try {
        paymentMethodId = await card.current.createPaymentMethod();
      } catch (error) {
        setErrors({ fields: {}, summary: error instanceof Error ? error.message : 'The card was not accepted.' });
        return;
      } finally {
        setPreparing(false);
      }
    }
    let outcome: 'paid' | 'confirmed';
    try {
      outcome = await payWithCard({
        payOrder: async () => {
          const variables = { orderId, paymentMethodId, couponCode: couponCode?.toUpperCase() ?? null };
          const { data } = await payOrder({ variables });
          if (!data) throw new Error('The payment got no answer; please try again.');
          return data.payOrder;
        },
        confirmWithBank: card.current ? card.current.confirmWithBank : null,
        onStage: setStage,
      });
    } catch (error) {
      setStage('idle');
      // The intent waits unconfirmed and the reservation holds: the buyer may simply try again.
      if (error instanceof BankConfirmationError) setErrors({ fields: {}, summary: `${error.message} ${NOT_CHARGED}` });
      else setErrors(toFormErrors(describeError(error), ['couponCode']));
      return;
    }
    // Confirmed with the bank: the order completes when Stripe's word reaches us, and the panel
    // follows orderStatusChanged; until then the form says it is waiting.
    if (outcome === 'paid') onPaid();
    else onConfirmedWithBank();
  }

  return (
    <form className="form payment-form" onSubmit={submit} noValidate aria-labelledby="payment-title">
      <h2 id="payment-title">Pay {formatPrice(priceCents, currency)}</h2>
      <FormAlert message={errors.summary} />
      <PaymentStageNotice stage={stage} />
      <TextField
        name="couponCode"
        label="Coupon code (optional)"
        autoComplete="off"
        hint="A 100% coupon pays the whole price; no card is needed then."
        error={errors.fields.couponCode}
      />
      {stripePublishableKey ? (
        <StripePaymentField
          publishableKey={stripePublishableKey}
          amount={priceCents}
          currency={currency}
          onReady={cardReady}
        />
      ) : (
        <p className="notice">
          Card payment is not set up on this site yet. You can still pay with a coupon that covers the whole price.
        </p>
      )}
      <SubmitButton busy={loading || preparing || stage !== 'idle'} label="Pay now" busyLabel="Paying…" />
    </form>
  );
}
