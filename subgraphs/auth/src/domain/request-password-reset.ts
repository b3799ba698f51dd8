import { countMailAttempt } from '../data-access/mail-attempts.js';
import { recordPasswordResetIfUserExists } from '../data-access/password-reset-requests.js';
import type { AuthDeps } from './auth-deps.js';
import { parseEmailArgument } from './input-rules.js';
import { MAIL_TOKEN_TTL_SECONDS, newMailToken, sealToken } from './mail-token.js';
import { TEMPLATE_OF } from './mail-templates.js';

/**
 * Always true, after the same work whether or not the e-mail is known: a token is made and
 * sealed either way, and one statement stores it only when a user has the address. The mail
 * itself leaves later, so its sending cannot be timed either. Past MAIL_MAX_PER_RECIPIENT an hour
 * for one address it still answers true but mails nothing: nobody can flood an inbox with links.
 */
export async function requestPasswordReset(deps: AuthDeps, input: unknown): Promise<boolean> {
  const email = parseEmailArgument(input);
  if (await countMailAttempt(deps.redis, deps.mailMaxPerRecipient, 'RESET_PASSWORD', email)) return true;
  const { token, tokenHash } = newMailToken();
  await recordPasswordResetIfUserExists(deps.db, {
    email,
    tokenHash,
    expiresAt: new Date(Date.now() + MAIL_TOKEN_TTL_SECONDS.RESET_PASSWORD * 1000),
    template: TEMPLATE_OF.RESET_PASSWORD,
    sealedToken: sealToken(deps.jwtKey, token),
  });
  deps.mail.wake();
  return true;
}
