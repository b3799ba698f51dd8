import type { FormEvent } from 'react';
import type { FormErrors } from '../lib/form-errors';
import { FormAlert } from './form-alert';
import { SubmitButton } from './submit-button';
import { TextField, type TextFieldProps } from './text-field';

interface OneFieldFormProps {
  /** The one input; its error is read from `errors` under its name. */
  field: Omit<TextFieldProps, 'error'>;
  errors: FormErrors;
  busy: boolean;
  label: string;
  busyLabel: string;
  /** The input's value, as typed, once the form is sent (the page does not reload). */
  onSubmit: (value: string) => void | Promise<void>;
}

/** A form that asks for one thing (an e-mail, a new password): its alert, the field and the button. */
export function OneFieldForm({ field, errors, busy, label, busyLabel, onSubmit }: OneFieldFormProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void onSubmit(String(new FormData(event.currentTarget).get(field.name) ?? ''));
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert message={errors.summary} />
      <TextField {...field} required error={errors.fields[field.name]} />
      <SubmitButton busy={busy} label={label} busyLabel={busyLabel} />
    </form>
  );
}
