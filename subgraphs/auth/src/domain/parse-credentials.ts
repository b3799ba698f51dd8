import { BadUserInputError } from '@stuffmart/common';
import { z } from 'zod';

const signUpSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { error: 'Email must be at most 254 characters' })
    .pipe(z.email({ error: 'Email must be valid' })),
  password: z
    .string()
    .min(8, { error: 'Password must be between 8 and 128 characters' })
    .max(128, { error: 'Password must be between 8 and 128 characters' }),
});

export type Credentials = z.infer<typeof signUpSchema>;

/** Lists every broken rule at once, each under the argument it belongs to. */
export function parseSignUpInput(input: { email: string; password: string }): Credentials {
  const result = signUpSchema.safeParse(input);
  if (result.success) return result.data;
  throw new BadUserInputError(
    result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'input'), message: issue.message })),
  );
}

/** Sign-in only normalises: a rule broken here is just a wrong e-mail or password. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
