import type { PaymentStage } from '../lib/pay-with-card';

const SENTENCES: Partial<Record<PaymentStage, string>> = {
  confirming: 'Confirm with your bank in the window that opened.',
  waiting: 'Your bank confirmed. Waiting for the payment to complete…',
};

/** What the buyer is waiting for once the card needs the bank's confirmation (3-D Secure). */
export function PaymentStageNotice({ stage }: { stage: PaymentStage }) {
  const sentence = SENTENCES[stage];
  if (!sentence) return null;
  return (
    <p className="notice" role="status" aria-live="polite">
      {sentence}
    </p>
  );
}
