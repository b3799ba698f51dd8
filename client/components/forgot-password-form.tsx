'use client';

import { useMutation } from '@apollo/client/react';
import Link from 'next/link';
import { useState } from 'react';
import { describeError } from '../lib/describe-error';
import { NO_FORM_ERRORS, toFormErrors, type FormErrors } from '../lib/form-errors';
import { REQUEST_PASSWORD_RESET } from '../lib/graphql/mutations';
import { OneFieldForm } from './one-field-form';

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account
 * (the API always says `true`), so this page cannot be used to find out who is a member.
 */
export function ForgotPasswordForm() {
  const [requestReset, { loading }] = useMutation(REQUEST_PASSWORD_RESET);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function submit(email: string) {
    setErrors(NO_FORM_ERRORS);
    try {
      await requestReset({ variables: { email } });
    } catch (error) {
      setErrors(toFormErrors(describeError(error), ['email']));
      return;
    }
    setSentTo(email.trim());
  }

  if (sentTo !== null) {
    return (
      <div role="status" className="notice notice-success">
        <p>If {sentTo || 'that address'} has an account, we sent a link to it. The link works once, for an hour.</p>
        <p className="muted">Nothing there? Look in the spam folder, or ask again in a few minutes.</p>
        <p>
          <Link href="/sign-in">Back to sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <OneFieldForm
      field={{ name: 'email', label: 'E-mail', type: 'email', autoComplete: 'email', inputMode: 'email' }}
      errors={errors}
      busy={loading}
      label="Send me a link"
      busyLabel="Sending…"
      onSubmit={submit}
    />
  );
}
