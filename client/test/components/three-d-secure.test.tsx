import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { PaymentStageNotice } from '../../components/payment-stage-notice';
import {
  BankConfirmationError,
  confirmWithBank,
  payWithCard,
  type PaymentStage,
  type PayOrderAnswer,
} from '../../lib/pay-with-card';

// Stripe.js cannot be reached from here (no internet): a fake `stripe` object stands in for it.
// The whole flow in Chromium, with a Stripe.js stand-in and its challenge window, is in
// client/test/e2e/three-d-secure.test.ts.
function fakeStripe(answer: { paymentIntent?: { status: string }; error?: { message?: string } }) {
  return { handleNextAction: vi.fn(async (_options: { clientSecret: string }) => answer) };
}

function payingWith(answer: PayOrderAnswer, stripe: ReturnType<typeof fakeStripe> | null) {
  const stages: PaymentStage[] = [];
  const outcome = payWithCard({
    payOrder: async () => answer,
    confirmWithBank: stripe ? (clientSecret) => confirmWithBank(stripe, clientSecret) : null,
    onStage: (stage) => stages.push(stage),
  });
  return { stages, outcome };
}

describe('paying with a card that needs 3-D Secure', () => {
  it("asks Stripe.js to confirm with the payment's client secret, then waits for the order's word", async () => {
    const stripe = fakeStripe({ paymentIntent: { status: 'succeeded' } });
    const { stages, outcome } = payingWith({ status: 'REQUIRES_ACTION', clientSecret: 'pi_1_secret_2' }, stripe);
    await expect(outcome).resolves.toBe('confirmed');
    expect(stripe.handleNextAction).toHaveBeenCalledExactlyOnceWith({ clientSecret: 'pi_1_secret_2' });
    expect(stages).toEqual(['paying', 'confirming', 'waiting']);
  });

  it('is paid at once by a card that needs no confirmation, and never opens the bank challenge', async () => {
    const stripe = fakeStripe({ paymentIntent: { status: 'succeeded' } });
    const { stages, outcome } = payingWith({ status: 'SUCCEEDED', clientSecret: null }, stripe);
    await expect(outcome).resolves.toBe('paid');
    expect(stripe.handleNextAction).not.toHaveBeenCalled();
    expect(stages).toEqual(['paying']);
  });

  it("says the bank's refusal as Stripe words it (the order stays payable)", async () => {
    const stripe = fakeStripe({ error: { message: 'We are unable to authenticate your payment method.' } });
    const { outcome } = payingWith({ status: 'REQUIRES_ACTION', clientSecret: 'pi_1_secret_2' }, stripe);
    await expect(outcome).rejects.toEqual(
      new BankConfirmationError('We are unable to authenticate your payment method.'),
    );
  });

  it('says so when the bank asks for confirmation but Stripe.js is not loaded', async () => {
    const { outcome } = payingWith({ status: 'REQUIRES_ACTION', clientSecret: 'pi_1_secret_2' }, null);
    await expect(outcome).rejects.toBeInstanceOf(BankConfirmationError);
  });

  it('shows "Confirm with your bank" while the challenge is open, then that it waits', () => {
    expect(renderToStaticMarkup(<PaymentStageNotice stage="confirming" />)).toContain('Confirm with your bank');
    expect(renderToStaticMarkup(<PaymentStageNotice stage="waiting" />)).toContain('Waiting for the payment');
    expect(renderToStaticMarkup(<PaymentStageNotice stage="idle" />)).toBe('');
  });
});
