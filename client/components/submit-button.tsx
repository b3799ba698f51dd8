interface SubmitButtonProps {
  busy: boolean;
  label: string;
  busyLabel: string;
  disabled?: boolean;
}

/** Disabled while its request runs, so a double click cannot send it twice. */
export function SubmitButton({ busy, label, busyLabel, disabled }: SubmitButtonProps) {
  return (
    <button type="submit" className="button button-primary" disabled={busy || disabled} aria-busy={busy}>
      {busy ? busyLabel : label}
    </button>
  );
}
