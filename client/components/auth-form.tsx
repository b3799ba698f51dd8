'use client';

import { useMutation } from '@apollo/client/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { describeError, SIGN_IN_SENTENCES } from '../lib/describe-error';
import { emailDomainsHint } from '../lib/email-domains-hint';
import { NO_FORM_ERRORS, toFormErrors, type FormErrors } from '../lib/form-errors';
import { SIGN_IN, SIGN_UP } from '../lib/graphql/mutations';
import { restartLiveUpdates } from '../lib/live-updates';
import { FormAlert } from './form-alert';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

const INPUTS = ['displayName', 'email', 'password'] as const;

interface AuthFormProps {
  mode: 'sign-in' | 'sign-up';
  /** Where to go once signed in (already checked to be a path on this site). */
  returnPath: string;
  /** The e-mail domains sign-up accepts, when the site limits them (ALLOWED_EMAIL_DOMAINS). */
  allowedEmailDomains?: readonly string[];
}

/**
 * Sign in and sign up. The gateway answers with cookies, which land on this site because
 * the request goes through its /graphql; nothing about the session is kept in JavaScript.
 * The form does not validate in the browser: the contract's rules are the server's, and
 * its `extensions.fields` are shown beside the inputs they name.
 */
export function AuthForm({ mode, returnPath, allowedEmailDomains = [] }: AuthFormProps) {
  const router = useRouter();
  const [signIn, signInState] = useMutation(SIGN_IN);
  const [signUp, signUpState] = useMutation(SIGN_UP);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const busy = signInState.loading || signUpState.loading;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') };
    setErrors(NO_FORM_ERRORS);
    try {
      if (mode === 'sign-in') await signIn({ variables: { input } });
      else await signUp({ variables: { input: { ...input, displayName: String(form.get('displayName') ?? '') } } });
    } catch (error) {
      setErrors(toFormErrors(describeError(error, mode === 'sign-in' ? SIGN_IN_SENTENCES : {}), INPUTS));
      return;
    }
    restartLiveUpdates();
    router.replace(returnPath);
    router.refresh();
  }

  const signingUp = mode === 'sign-up';
  return (
    <form className="form" onSubmit={submit} noValidate aria-describedby="auth-switch">
      <FormAlert message={errors.summary} />
      {signingUp ? (
        <TextField
          name="displayName"
          label="Display name"
          autoComplete="nickname"
          hint="What others see beside the stuff you sell; your e-mail stays private. 1 to 50 characters."
          maxLength={50}
          required
          error={errors.fields.displayName}
        />
      ) : null}
      <TextField
        name="email"
        label="E-mail"
        type="email"
        autoComplete="email"
        inputMode="email"
        hint={signingUp ? emailDomainsHint(allowedEmailDomains) : undefined}
        required
        error={errors.fields.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete={signingUp ? 'new-password' : 'current-password'}
        hint={signingUp ? '8 to 128 characters.' : undefined}
        required
        error={errors.fields.password}
      />
      {signingUp ? null : (
        <p className="form-aside">
          <Link href="/forgot-password">Forgot your password?</Link>
        </p>
      )}
      <SubmitButton
        busy={busy}
        label={signingUp ? 'Sign up' : 'Sign in'}
        busyLabel={signingUp ? 'Signing up…' : 'Signing in…'}
      />
      <p id="auth-switch" className="muted">
        {signingUp ? 'Already have an account? ' : 'New to Stuffmart? '}
        <Link href={`/${signingUp ? 'sign-in' : 'sign-up'}?next=${encodeURIComponent(returnPath)}`}>
          {signingUp ? 'Sign in' : 'Sign up'}
        </Link>
      </p>
    </form>
  );
}
