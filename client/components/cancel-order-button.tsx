'use client';

import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { describeError } from '../lib/describe-error';
import { CANCEL_ORDER } from '../lib/graphql/mutations';

/** Gives the stuff back at once instead of waiting for the reservation to lapse. */
export function CancelOrderButton({ orderId, onCancelled }: { orderId: string; onCancelled: () => void }) {
  const [cancelOrder, { loading }] = useMutation(CANCEL_ORDER);
  const [problem, setProblem] = useState<string | null>(null);

  async function cancel() {
    setProblem(null);
    try {
      await cancelOrder({ variables: { id: orderId } });
    } catch (error) {
      setProblem(describeError(error).message);
      return;
    }
    onCancelled();
  }

  return (
    <div>
      <button type="button" className="button" onClick={cancel} disabled={loading} aria-busy={loading}>
        {loading ? 'Cancelling…' : 'Cancel order'}
      </button>
      {problem ? (
        <p role="alert" className="form-alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
