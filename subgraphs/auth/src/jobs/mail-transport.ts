import type { Logger } from '@stuffmart/common';
import nodemailer from 'nodemailer';
import type { RenderedMail } from '../domain/mail-templates.js';

export interface MailTransport {
  send(to: string, mail: RenderedMail): Promise<void>;
  close(): void;
}

/** Over SMTP when SMTP_URL is set; a mail server that hangs fails the attempt, to be retried. */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    send: async (to, mail) => {
      await transporter.sendMail({ from, to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close: () => transporter.close(),
  };
}

/** Without SMTP_URL (e.g. `npm start` with nothing else installed) each mail goes to the log. */
export function logTransport(logger: Logger, from: string): MailTransport {
  return {
    send: async (to, mail) => {
      logger.info({ mail: { from, to, subject: mail.subject, text: mail.text } }, 'mail (no SMTP_URL set)');
    },
    close: () => undefined,
  };
}
