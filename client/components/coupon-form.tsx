'use client';

import { useMutation } from '@apollo/client/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { describeError } from '../lib/describe-error';
import { NO_FORM_ERRORS, toFormErrors, type FormErrors } from '../lib/form-errors';
import { CREATE_COUPON } from '../lib/graphql/mutations';
import { FormAlert } from './form-alert';
import { SubmitButton } from './submit-button';
import { TextField } from './text-field';

const INPUTS = ['percentOff', 'maxRedemptions', 'expiresAt', 'code'] as const;

/** A whole number as typed, or null: the browser does not guess what "1.5" or "ten" meant. */
function wholeNumber(value: FormDataEntryValue | null): number | null {
  const text = String(value ?? '').trim();
  return /^\d+$/.test(text) ? Number(text) : null;
}

export function CouponForm() {
  const router = useRouter();
  const [createCoupon, { loading }] = useMutation(CREATE_COUPON);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [created, setCreated] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const percentOff = wholeNumber(form.get('percentOff'));
    const maxRedemptions = wholeNumber(form.get('maxRedemptions')) ?? 1;
    const expiresLocal = String(form.get('expiresAt') ?? '');
    const code =
      String(form.get('code') ?? '')
        .trim()
        .toUpperCase() || null;
    setCreated(null);
    if (percentOff === null) {
      setErrors({ fields: { percentOff: 'Enter a whole number from 1 to 100.' }, summary: null });
      return;
    }
    setErrors(NO_FORM_ERRORS);
    try {
      const { data } = await createCoupon({
        variables: {
          input: {
            percentOff,
            maxRedemptions,
            // datetime-local is the admin's local time; the API wants an instant.
            expiresAt: expiresLocal ? new Date(expiresLocal).toISOString() : null,
            code,
          },
        },
      });
      if (data) setCreated(data.createCoupon.code);
      formElement.reset();
      router.refresh();
    } catch (error) {
      setErrors(toFormErrors(describeError(error), INPUTS));
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="new-coupon-title">
      <h2 id="new-coupon-title">New coupon</h2>
      <FormAlert message={errors.summary} />
      {created ? (
        <p role="status" className="notice notice-success">
          Coupon <strong>{created}</strong> created.
        </p>
      ) : null}
      <TextField
        name="percentOff"
        label="Percent off"
        inputMode="numeric"
        hint="1 to 100; 100 makes an order free."
        required
        error={errors.fields.percentOff}
      />
      <TextField
        name="maxRedemptions"
        label="Times it can be used"
        inputMode="numeric"
        defaultValue="1"
        error={errors.fields.maxRedemptions}
      />
      <TextField
        name="expiresAt"
        label="Expires (optional)"
        type="datetime-local"
        hint="Your local time."
        error={errors.fields.expiresAt}
      />
      <TextField
        name="code"
        label="Code (optional)"
        autoComplete="off"
        hint="6 to 32 letters and digits; left empty, one is made up."
        error={errors.fields.code}
      />
      <SubmitButton busy={loading} label="Create coupon" busyLabel="Creating…" />
    </form>
  );
}
