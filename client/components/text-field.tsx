import { useId, type HTMLInputTypeAttribute } from 'react';

export interface TextFieldProps {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  type?: HTMLInputTypeAttribute;
  defaultValue?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'decimal' | 'numeric';
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
}

/**
 * A labelled input with its error right beside it: the error is tied to the input with
 * aria-describedby and aria-invalid, so a screen reader reads it when the field is focused.
 */
export function TextField({ name, label, error, hint, multiline, ...inputProps }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    ...inputProps,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {multiline ? <textarea rows={5} {...shared} /> : <input {...shared} />}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
