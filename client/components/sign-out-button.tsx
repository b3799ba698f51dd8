'use client';

import { useMutation } from '@apollo/client/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { describeError } from '../lib/describe-error';
import { SIGN_OUT } from '../lib/graphql/mutations';
import { restartLiveUpdates } from '../lib/live-updates';

export function SignOutButton() {
  const router = useRouter();
  const [signOut, { loading }] = useMutation(SIGN_OUT);
  const [problem, setProblem] = useState<string | null>(null);

  async function leave() {
    setProblem(null);
    try {
      await signOut();
    } catch (error) {
      setProblem(describeError(error).message);
      return;
    }
    restartLiveUpdates();
    router.replace('/');
    router.refresh();
  }

  return (
    <>
      <button type="button" className="button button-quiet" onClick={leave} disabled={loading} aria-busy={loading}>
        {loading ? 'Signing out…' : 'Sign out'}
      </button>
      {problem ? (
        <span role="alert" className="header-alert">
          {problem}
        </span>
      ) : null}
    </>
  );
}
