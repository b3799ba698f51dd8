import { DrainLoop, type Logger } from '@stuffmart/common';
import type { Kysely } from 'kysely';
import type { AuthDatabase, MailOutboxRow } from '../data-access/auth-database.js';
import { deleteMail, leaseDueMails, postponeMail } from '../data-access/mail-outbox.js';
import { pruneMailTokens } from '../data-access/mail-tokens.js';
import { isMailTemplate, renderMail } from '../domain/mail-templates.js';
import { openToken } from '../domain/mail-token.js';
import type { MailTransport } from './mail-transport.js';

export interface MailSenderOptions {
  db: Kysely<AuthDatabase>;
  transport: MailTransport;
  jwtKey: string;
  publicUrl: string;
  logger: Logger;
  /** How often to look for due mails nobody woke us for (retries, another replica's). */
  pollIntervalMs?: number;
}

const BATCH = 20;
/** Longer than one SMTP conversation may take (its timeouts add up to 50 s). */
const LEASE_SECONDS = 120;
const MAX_BACKOFF_SECONDS = 300;
/** The longest-lived token is dead by then: a mail that old would only carry a dead link. */
const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;

/** 1, 2, 4 … seconds after each failed attempt, at most five minutes. */
export function backoffSeconds(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), MAX_BACKOFF_SECONDS);
}

/**
 * Sends the mails of the mail outbox after their transaction committed. A mail server that is
 * down delays a mail, never loses it and never fails the request that made it.
 */
export class MailSender extends DrainLoop {
  constructor(private readonly options: MailSenderOptions) {
    super({
      name: 'mail sender',
      batchSize: BATCH,
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      failurePauseMs: options.pollIntervalMs ?? 1000,
      logger: options.logger,
    });
  }

  override async stop(): Promise<void> {
    await super.stop();
    this.options.transport.close();
  }

  protected override prune(): Promise<unknown> {
    return pruneMailTokens(this.options.db);
  }

  /** Sends what is due; returns how many mails it leased. */
  protected override async round(): Promise<number> {
    const mails = await leaseDueMails(this.options.db, BATCH, LEASE_SECONDS);
    await Promise.all(mails.map((mail) => this.sendOne(mail)));
    return mails.length;
  }

  private async sendOne(mail: MailOutboxRow): Promise<void> {
    const { db, transport, jwtKey, publicUrl, logger } = this.options;
    const log = logger.child({ mailId: mail.id, template: mail.template, attempt: mail.attempts });
    let token: string;
    try {
      if (!isMailTemplate(mail.template)) throw new Error(`unknown template ${mail.template}`);
      token = openToken(jwtKey, mail.sealedToken);
    } catch (error) {
      // Sealed with another JWT_KEY (rotated since), or written by a newer version: no retry helps.
      log.error({ err: error }, 'mail cannot be rendered; dropped');
      await deleteMail(db, mail.id);
      return;
    }
    try {
      await transport.send(mail.recipient, renderMail(mail.template, publicUrl, token));
    } catch (error) {
      if (Date.now() - mail.createdAt.getTime() > GIVE_UP_AFTER_MS) {
        log.error({ err: error }, 'mail server refused the mail for a day; dropped');
        await deleteMail(db, mail.id);
        return;
      }
      const delay = backoffSeconds(mail.attempts);
      log.warn({ err: (error as Error).message, retryInSeconds: delay }, 'mail not sent; will retry');
      await postponeMail(db, mail.id, delay);
      return;
    }
    // A crash right here sends the mail again after the lease: a duplicate, never a loss.
    await deleteMail(db, mail.id);
    log.info('mail sent');
  }
}
