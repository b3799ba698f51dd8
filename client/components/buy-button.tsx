'use client';

import { useMutation } from '@apollo/client/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { describeError } from '../lib/describe-error';
import { BUY_STUFF } from '../lib/graphql/mutations';

interface BuyButtonProps {
  stuffId: string;
  signedIn: boolean;
  disabled: boolean;
}

/** BUY reserves the stuff for this buyer and opens the order, where the countdown and payment are. */
export function BuyButton({ stuffId, signedIn, disabled }: BuyButtonProps) {
  const router = useRouter();
  const [buy, { loading }] = useMutation(BUY_STUFF);
  const [problem, setProblem] = useState<string | null>(null);
  const signInPath = `/sign-in?next=${encodeURIComponent(`/stuff/${stuffId}`)}`;

  async function press() {
    if (!signedIn) {
      router.push(signInPath);
      return;
    }
    setProblem(null);
    try {
      const { data } = await buy({ variables: { stuffId } });
      if (data) router.push(`/orders/${data.buyStuff.id}`);
    } catch (error) {
      const described = describeError(error, { FORBIDDEN: 'You cannot buy your own stuff.' });
      if (described.code === 'UNAUTHENTICATED') router.push(signInPath);
      else setProblem(described.message);
    }
  }

  return (
    <div className="buy">
      <button
        type="button"
        className="button button-primary button-large"
        onClick={press}
        disabled={disabled || loading}
        aria-busy={loading}
      >
        {loading ? 'Reserving…' : 'Buy'}
      </button>
      {!signedIn && !disabled ? <p className="muted">You will be asked to sign in first.</p> : null}
      {problem ? (
        <p role="alert" className="form-alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
