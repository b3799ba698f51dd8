'use client';

import { useMutation } from '@apollo/client/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { describeError, type ErrorDescription } from '../lib/describe-error';
import { VERIFY_EMAIL } from '../lib/graphql/mutations';
import type { ViewerFieldsFragment as Viewer } from '../lib/graphql/generated/graphql';
import { restartLiveUpdates } from '../lib/live-updates';
import { PersonName } from './person-name';

type Outcome = { kind: 'verifying' } | { kind: 'verified'; who: Viewer } | { kind: 'failed'; error: ErrorDescription };

interface VerifyEmailProps {
  token: string;
  /** Who was signed in when the page was served, if anyone. */
  viewer: Viewer | null;
}

/**
 * Spends the mail's token as soon as the page runs in a browser (a link checker that only
 * fetches the HTML spends nothing). `verifyEmail` signs in: the gateway's cookies come back
 * through this site's /graphql, and the page then refreshes its server-rendered parts, so
 * the header shows the badge and the banner asking to verify is gone.
 */
export function VerifyEmail({ token, viewer }: VerifyEmailProps) {
  const router = useRouter();
  const [verifyEmail] = useMutation(VERIFY_EMAIL);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'verifying' });
  const sent = useRef(false);

  useEffect(() => {
    // Once per page, even where React runs effects twice: the token works only once.
    if (sent.current) return;
    sent.current = true;
    verifyEmail({ variables: { token } }).then(
      ({ data }) => {
        if (!data) return;
        setOutcome({ kind: 'verified', who: data.verifyEmail.user });
        restartLiveUpdates();
        router.refresh();
      },
      (error: unknown) => setOutcome({ kind: 'failed', error: describeError(error) }),
    );
  }, [router, token, verifyEmail]);

  switch (outcome.kind) {
    case 'verifying':
      return (
        <p role="status" className="loading">
          Verifying your e-mail…
        </p>
      );
    case 'verified':
      return (
        <div role="status" className="notice notice-success">
          <p>
            Your e-mail is verified. You are signed in as <PersonName person={outcome.who} />.
          </p>
          <p>
            <Link href="/">Go to the catalogue</Link>
          </p>
        </div>
      );
    case 'failed':
      return <VerifyFailed error={outcome.error} viewer={viewer} />;
  }
}

function VerifyFailed({ error, viewer }: { error: ErrorDescription; viewer: Viewer | null }) {
  // The contract files a used, expired or unknown token under the field `token`.
  const spentToken = error.code === 'BAD_USER_INPUT' && 'token' in error.fields;
  if (!spentToken) {
    return (
      <div role="alert" className="notice notice-problem">
        <p>{error.message}</p>
        <p>Open the link from the mail again in a moment.</p>
      </div>
    );
  }
  if (viewer?.emailVerified) {
    return (
      <div role="status" className="notice notice-success">
        <p>This link has been used already, and your e-mail is verified: nothing more to do.</p>
      </div>
    );
  }
  return (
    <div role="alert" className="notice notice-problem">
      <p>This link has been used or has expired (a link works once, for 24 hours).</p>
      {viewer ? (
        // The banner above every page has the button; one is enough.
        <p>Send yourself a new one with &ldquo;Send the link again&rdquo; at the top of the page.</p>
      ) : (
        <p>
          <Link href="/sign-in">Sign in</Link>, and the page will offer to send you a new link.
        </p>
      )}
    </div>
  );
}
