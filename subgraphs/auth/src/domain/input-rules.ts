import { BadUserInputError, type FieldError } from '@stuffmart/common';
import { z } from 'zod';
import { MAX_TOKEN_LENGTH } from './mail-token.js';

/**
 * The lengths api.graphql gives each auth argument, checked before any I/O: a string past
 * them is refused, and nothing about it is counted or stored.
 */
const MAX_EMAIL = 254;
const PASSWORD_RULE = 'Password must be between 8 and 128 characters';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL, { error: `Email must be at most ${MAX_EMAIL} characters` });
const newPassword = z.string().min(8, { error: PASSWORD_RULE }).max(128, { error: PASSWORD_RULE });
export const INVALID_TOKEN = 'Token is unknown, used or expired';
const token = z.string().min(1, { error: 'Token is required' }).max(MAX_TOKEN_LENGTH, { error: INVALID_TOKEN });

const signUpSchema = z.object({
  email: email.pipe(z.email({ error: 'Email must be valid' })),
  password: newPassword,
  displayName: z
    .string()
    .trim()
    .min(1, { error: 'Display name must be between 1 and 50 characters' })
    .max(50, { error: 'Display name must be between 1 and 50 characters' }),
});

const signInSchema = z.object({ email, password: z.string().max(128, { error: PASSWORD_RULE }) });
const resetPasswordSchema = z.object({ token, password: newPassword });

/** Lists every broken rule at once, each under the argument it belongs to. */
function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'input');
    // One message per field: the first rule it broke.
    if (!fields.some((known) => known.field === field)) fields.push({ field, message: issue.message });
  }
  throw new BadUserInputError(fields);
}

export type SignUpInput = z.infer<typeof signUpSchema>;

export function parseSignUpInput(input: unknown, allowedDomains: ReadonlySet<string>): SignUpInput {
  const parsed = parse(signUpSchema, input);
  const domain = parsed.email.slice(parsed.email.lastIndexOf('@') + 1);
  if (allowedDomains.size > 0 && !allowedDomains.has(domain)) {
    throw new BadUserInputError([{ field: 'email', message: 'Use your university e-mail' }]);
  }
  return parsed;
}

/** Sign-in only bounds and normalises: any other rule broken here is just a wrong e-mail or password. */
export function parseSignInInput(input: unknown): { email: string; password: string } {
  return parse(signInSchema, input);
}

export function parseEmailArgument(input: unknown): string {
  return parse(z.object({ email }), { email: input }).email;
}

export function parseTokenArgument(input: unknown): string {
  return parse(z.object({ token }), { token: input }).token;
}

export function parseResetPasswordInput(input: unknown): { token: string; password: string } {
  return parse(resetPasswordSchema, input);
}
