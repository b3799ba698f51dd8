import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { eventually } from './actors.js';

/** One mail as the inbox received it. */
export interface ReceivedMail {
  /** Envelope recipients, lower-case. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
}

export interface TestInbox {
  /** `smtp://127.0.0.1:<port>`: give it to the system as SMTP_URL. */
  url: string;
  port: number;
  /** Every mail received so far, in order. */
  mails: ReceivedMail[];
  /** The first mail to `to` (from index `from` of `mails` on) that `matches`, waiting for it if need be. */
  waitForMail(
    to: string,
    matches?: (mail: ReceivedMail) => boolean,
    options?: { timeoutMs?: number; from?: number },
  ): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function addressText(address: AddressObject | AddressObject[] | undefined): string {
  return [address ?? []]
    .flat()
    .map((entry) => entry.text)
    .join(', ');
}

/**
 * A real SMTP server in the test process, standing in for the mail server (outside our reach):
 * the system sends to it over SMTP as it would to any, and tests read what arrived. Pass a
 * port to start it where a system already expects it (a mail server coming back).
 */
export async function startTestInbox(options: { port?: number } = {}): Promise<TestInbox> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            from: addressText(parsed.from),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    waitForMail: (to, matches = () => true, { timeoutMs = 10_000, from = 0 } = {}) =>
      eventually(
        async () => mails.slice(from).find((mail) => mail.to.includes(to.toLowerCase()) && matches(mail)),
        timeoutMs,
        `a mail to ${to}`,
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on now: where a mail server that is down would be. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The token of a mail's link to `path` (e.g. `/verify-email`), as a storefront would read it. */
export function tokenFromMail(mail: ReceivedMail, path: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname.endsWith(path));
  const token = link ? new URL(link).searchParams.get('token') : null;
  if (!token) throw new Error(`no ${path} link in the mail: ${mail.text}`);
  return token;
}
