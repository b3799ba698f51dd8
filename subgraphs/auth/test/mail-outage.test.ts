import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, freePort, signUpActor, startTestInbox, type TestInbox } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { authSql } from './support/auth-db.js';

let port: number;
let system: TestSystem;
let inbox: TestInbox | undefined;
beforeAll(async () => {
  port = await freePort();
  system = await startTestSystem({ SMTP_URL: `smtp://127.0.0.1:${port}` });
});
afterAll(async () => {
  await system?.close();
  await inbox?.close();
});

describe('when the mail server is down at sign-up', () => {
  it('signs up all the same, and delivers the mail once, when the server is back', async () => {
    const user = await signUpActor(system, 'patient');
    // The mail was tried and refused, and waits for its next attempt.
    const waiting = await eventually(async () => {
      const [row] = await authSql<{ attempts: number; recipient: string }>(
        system,
        'SELECT attempts, recipient FROM mail_outbox',
      );
      return row && row.attempts >= 1 ? row : undefined;
    });
    expect(waiting.recipient).toBe(user.email);

    inbox = await startTestInbox({ port });
    const mail = await inbox.waitForMail(user.email, (candidate) => candidate.text.includes('/verify-email?'), {
      timeoutMs: 20_000,
    });
    expect(mail.subject).toBe('Confirm your e-mail address');
    await eventually(async () => {
      const [row] = await authSql<{ n: number }>(system, 'SELECT count(*)::int AS n FROM mail_outbox');
      return row?.n === 0 ? true : undefined;
    });
    expect(inbox.mails.filter((candidate) => candidate.to.includes(user.email))).toHaveLength(1);
  });
});
