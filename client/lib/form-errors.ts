import type { ErrorDescription } from './describe-error';

/** What a form shows: a message beside each field it has, and one line for everything else. */
export interface FormErrors {
  fields: Record<string, string>;
  summary: string | null;
}

export const NO_FORM_ERRORS: FormErrors = { fields: {}, summary: null };

/**
 * Files the contract's `extensions.fields` under the form's own inputs. `aliases` maps an
 * argument to the input that collects it (the API takes `priceCents`, people type a price).
 * A rule about an argument the form has no input for is still shown, in the summary.
 */
export function toFormErrors(
  error: ErrorDescription,
  inputs: readonly string[],
  aliases: Record<string, string> = {},
): FormErrors {
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [argument, message] of Object.entries(error.fields)) {
    const input = aliases[argument] ?? argument;
    if (inputs.includes(input)) fields[input] ??= message;
    else elsewhere.push(message);
  }
  const marked = Object.keys(fields).length > 0;
  const summary =
    elsewhere.length > 0
      ? elsewhere.join(' ')
      : marked
        ? error.code === 'BAD_USER_INPUT'
          ? 'Please correct the fields marked below.'
          : null
        : error.message;
  return { fields, summary };
}
