'use client';

import { useMutation } from '@apollo/client/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { describeError } from '../lib/describe-error';
import { NO_FORM_ERRORS, toFormErrors, type FormErrors } from '../lib/form-errors';
import { RESET_PASSWORD } from '../lib/graphql/mutations';
import type { ViewerFieldsFragment as Viewer } from '../lib/graphql/generated/graphql';
import { restartLiveUpdates } from '../lib/live-updates';
import { OneFieldForm } from './one-field-form';
import { PersonName } from './person-name';

/**
 * The new password for the mail's token. `resetPassword` signs in (cookies through this
 * site's /graphql) and signs out every other browser of the account.
 */
export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [resetPassword, { loading }] = useMutation(RESET_PASSWORD);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [spentToken, setSpentToken] = useState(false);
  const [signedInAs, setSignedInAs] = useState<Viewer | null>(null);

  async function submit(password: string) {
    setErrors(NO_FORM_ERRORS);
    let who: Viewer | undefined;
    try {
      who = (await resetPassword({ variables: { token, password } })).data?.resetPassword.user;
    } catch (error) {
      const described = describeError(error);
      // The contract files a used, expired or unknown token under the field `token`.
      if (described.code === 'BAD_USER_INPUT' && 'token' in described.fields) setSpentToken(true);
      else setErrors(toFormErrors(described, ['password']));
      return;
    }
    if (!who) return;
    setSignedInAs(who);
    restartLiveUpdates();
    router.refresh();
  }

  if (signedInAs) {
    return (
      <div role="status" className="notice notice-success">
        <p>
          Your password is changed and you are signed in as <PersonName person={signedInAs} />. Everywhere else you were
          signed in, you are now signed out.
        </p>
        <p>
          <Link href="/">Go to the catalogue</Link>
        </p>
      </div>
    );
  }
  if (spentToken) {
    return (
      <div role="alert" className="notice notice-problem">
        <p>This link has been used or has expired (a reset link works once, for an hour).</p>
        <p>
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      </div>
    );
  }
  return (
    <OneFieldForm
      field={{
        name: 'password',
        label: 'New password',
        type: 'password',
        autoComplete: 'new-password',
        hint: '8 to 128 characters.',
      }}
      errors={errors}
      busy={loading}
      label="Change password"
      busyLabel="Changing…"
      onSubmit={submit}
    />
  );
}
