import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuthDatabase, MailTokenPurpose } from '../data-access/auth-database.js';
import { enqueueMail } from '../data-access/mail-outbox.js';
import { insertMailToken } from '../data-access/mail-tokens.js';
import { TEMPLATE_OF, type MailTemplate } from './mail-templates.js';

export const MAIL_TOKEN_TTL_SECONDS: Record<MailTokenPurpose, number> = {
  VERIFY_EMAIL: 24 * 60 * 60,
  RESET_PASSWORD: 60 * 60,
};

/** Longer than any token we make (43 characters); a longer one is refused before any I/O. */
export const MAX_TOKEN_LENGTH = 200;

/** 256 random bits, URL-safe. */
export function newMailToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashMailToken(token) };
}

/** Tokens are stored only as hashes: a leaked table cannot verify or reset anything. */
export function hashMailToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function outboxKey(jwtKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', jwtKey, 'stuffmart', 'mail-outbox token', 32));
}

/**
 * A mail waiting for the mail server must still hold its token; it is kept encrypted with a
 * key derived from JWT_KEY, so the database alone never holds a usable one.
 */
export function sealToken(jwtKey: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', outboxKey(jwtKey), iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
}

export function openToken(jwtKey: string, sealed: string): string {
  const [iv = '', tag = '', data = ''] = sealed.split('.');
  const decipher = createDecipheriv('aes-256-gcm', outboxKey(jwtKey), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * Makes a token and the mail that carries it, in the caller's transaction: the mail is sent
 * after the commit, by the mail sender, however long the mail server is away.
 */
export async function mailNewToken(
  trx: Kysely<AuthDatabase>,
  jwtKey: string,
  user: { id: string; email: string },
  purpose: MailTokenPurpose,
): Promise<void> {
  const { token, tokenHash } = newMailToken();
  const expiresAt = new Date(Date.now() + MAIL_TOKEN_TTL_SECONDS[purpose] * 1000);
  await insertMailToken(trx, { userId: user.id, purpose, tokenHash, expiresAt });
  const template: MailTemplate = TEMPLATE_OF[purpose];
  await enqueueMail(trx, { recipient: user.email, template, sealedToken: sealToken(jwtKey, token) });
}
