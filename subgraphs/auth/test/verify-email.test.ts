import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieJar, signUpActor, startTestInbox, tokenFromMail, type TestInbox } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { authSql } from './support/auth-db.js';

const VERIFY = `mutation ($token: String!) {
  verifyEmail(token: $token) { accessToken refreshToken user { id email emailVerified role } }
}`;
const ME = `{ me { id email emailVerified role } }`;
const RESEND = `mutation { resendVerificationEmail }`;
const ADMIN = 'boss@stuffmart.test';

let inbox: TestInbox;
let system: TestSystem;
beforeAll(async () => {
  inbox = await startTestInbox();
  system = await startTestSystem({
    SMTP_URL: inbox.url,
    PUBLIC_URL: 'https://shop.example/',
    MAIL_FROM: 'Stuffmart <hello@shop.example>',
    ADMIN_EMAILS: `other@stuffmart.test, ${ADMIN.toUpperCase()}`,
  });
});
afterAll(async () => {
  await system?.close();
  await inbox?.close();
});

const verifyMailTo = (email: string) => inbox.waitForMail(email, (mail) => mail.text.includes('/verify-email?'));

describe('verifying an e-mail address', () => {
  it('mails a plain-subject text and HTML mail whose link is PUBLIC_URL/verify-email, with the token alone on a line', async () => {
    const user = await signUpActor(system, 'mailed');
    const mail = await verifyMailTo(user.email);
    expect(mail.from).toMatch(/^"?Stuffmart"? <hello@shop\.example>$/);
    expect(mail.subject).toBe('Confirm your e-mail address');
    const token = tokenFromMail(mail, '/verify-email');
    expect(token.length).toBeGreaterThanOrEqual(22); // 128 bits in base64url at least
    expect(mail.text).toContain(`https://shop.example/verify-email?token=${token}`);
    expect(mail.text.split('\n').map((line) => line.trim())).toContain(token);
    expect(mail.html).toContain(`href="https://shop.example/verify-email?token=${token}"`);
  });

  it('marks the address verified and signs in, setting the cookies as signIn does', async () => {
    const user = await signUpActor(system, 'verifier');
    const token = tokenFromMail(await verifyMailTo(user.email), '/verify-email');
    const { body, headers } = await system.graphql<any>(VERIFY, { token });
    expect(body.errors).toBeUndefined();
    expect(body.data.verifyEmail.user).toEqual({ id: user.id, email: user.email, emailVerified: true, role: 'USER' });
    const cookies = headers.getSetCookie();
    expect(cookies.find((cookie) => cookie.startsWith('session='))).toMatch(/HttpOnly/);
    expect(cookies.find((cookie) => cookie.startsWith('refresh_token='))).toMatch(/SameSite=Strict/);
    const me = await system.graphql<any>(ME, {}, { cookie: cookieJar(headers) });
    expect(me.body.data.me).toMatchObject({ id: user.id, emailVerified: true });
  });

  it('keeps an address listed in ADMIN_EMAILS a USER until its owner verifies it, then makes it ADMIN', async () => {
    const owner = await signUpActor(system, 'boss', ADMIN);
    const before = await system.graphql<any>(ME, {}, { token: owner.token });
    expect(before.body.data.me).toMatchObject({ role: 'USER', emailVerified: false });
    const forbidden = await system.graphql<any>(`{ coupons { nodes { code } } }`, {}, { token: owner.token });
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const token = tokenFromMail(await verifyMailTo(ADMIN), '/verify-email');
    const { body } = await system.graphql<any>(VERIFY, { token });
    expect(body.data.verifyEmail.user.role).toBe('ADMIN');
    const coupons = await system.graphql<any>(
      `{ coupons { nodes { code } } }`,
      {},
      { token: body.data.verifyEmail.accessToken },
    );
    expect(coupons.body.errors).toBeUndefined();
  });

  it('lets a link work once: the second time it is BAD_USER_INPUT on field token', async () => {
    const user = await signUpActor(system, 'twice');
    const token = tokenFromMail(await verifyMailTo(user.email), '/verify-email');
    expect((await system.graphql<any>(VERIFY, { token })).body.errors).toBeUndefined();
    const again = await system.graphql<any>(VERIFY, { token });
    expect(again.body).toEqual({
      data: null,
      errors: [
        {
          message: 'Invalid input',
          path: ['verifyEmail'],
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'token', message: 'Token is unknown, used or expired' }],
          },
        },
      ],
    });
  });

  it('refuses used, expired, unknown and made-up tokens alike, and signs nobody in', async () => {
    const user = await signUpActor(system, 'late');
    const token = tokenFromMail(await verifyMailTo(user.email), '/verify-email');
    await authSql(system, `UPDATE mail_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      user.id,
    ]);
    for (const candidate of [token, 'A'.repeat(43), 'x', "'; DROP TABLE users; --"]) {
      const { body, headers } = await system.graphql<any>(VERIFY, { token: candidate });
      expect(body.errors?.[0]?.extensions, candidate).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'token', message: 'Token is unknown, used or expired' }],
      });
      expect(headers.getSetCookie()).toEqual([]);
    }
    const [row] = await authSql<{ email_verified_at: Date | null }>(
      system,
      'SELECT email_verified_at FROM users WHERE id = $1',
      [user.id],
    );
    expect(row?.email_verified_at).toBeNull();
  });

  it('stores tokens only as hashes, and the waiting mail only sealed', async () => {
    const user = await signUpActor(system, 'hashed');
    const token = tokenFromMail(await verifyMailTo(user.email), '/verify-email');
    const dump =
      JSON.stringify(await authSql(system, 'SELECT * FROM mail_tokens')) +
      JSON.stringify(await authSql(system, 'SELECT * FROM mail_outbox'));
    expect(dump).not.toContain(token);
  });

  it('sends a new link to a signed-in user on resendVerificationEmail, and refuses the signed-out', async () => {
    const signedOut = await system.graphql<any>(RESEND);
    expect(signedOut.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const user = await signUpActor(system, 'resend');
    await verifyMailTo(user.email);
    const from = inbox.mails.length;
    const { body } = await system.graphql<any>(RESEND, {}, { token: user.token });
    expect(body.data.resendVerificationEmail).toBe(true);
    const mail = await inbox.waitForMail(user.email, (candidate) => candidate.text.includes('/verify-email?'), {
      from,
    });
    const verified = await system.graphql<any>(VERIFY, { token: tokenFromMail(mail, '/verify-email') });
    expect(verified.body.data.verifyEmail.user.emailVerified).toBe(true);
  });
});
