'use client';

import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { describeError } from '../lib/describe-error';
import { RESEND_VERIFICATION_EMAIL } from '../lib/graphql/mutations';

/**
 * Sends the verification mail again (to the signed-in person's own address) and says so in
 * a live region. Disabled while the request runs, so a double click sends one mail.
 */
export function ResendVerificationButton({ email }: { email: string | null }) {
  const [resend, { loading }] = useMutation(RESEND_VERIFICATION_EMAIL);
  const [outcome, setOutcome] = useState<{ sent: boolean; message: string } | null>(null);

  async function send() {
    setOutcome(null);
    try {
      await resend();
    } catch (error) {
      setOutcome({ sent: false, message: describeError(error).message });
      return;
    }
    setOutcome({ sent: true, message: `We sent a new link to ${email ?? 'your address'}. It works for 24 hours.` });
  }

  return (
    <>
      <button type="button" className="button" onClick={send} disabled={loading} aria-busy={loading}>
        {loading ? 'Sending…' : 'Send the link again'}
      </button>
      <span role="status" className={outcome && !outcome.sent ? 'inline-problem' : undefined}>
        {outcome?.message}
      </span>
    </>
  );
}
