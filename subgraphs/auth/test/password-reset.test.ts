import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTOR_PASSWORD,
  cookieJar,
  eventually,
  signUpActor,
  startTestInbox,
  tokenFromMail,
  type Actor,
  type TestInbox,
} from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { authSql } from './support/auth-db.js';

const REQUEST = `mutation ($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation ($token: String!, $password: String!) {
  resetPassword(token: $token, password: $password) { accessToken refreshToken user { id email } }
}`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation ($token: String) { refreshSession(refreshToken: $token) { accessToken } }`;

let inbox: TestInbox;
let system: TestSystem;
beforeAll(async () => {
  inbox = await startTestInbox();
  system = await startTestSystem({ SMTP_URL: inbox.url, PUBLIC_URL: 'https://shop.example' });
});
afterAll(async () => {
  await system?.close();
  await inbox?.close();
});

async function resetToken(user: Actor): Promise<string> {
  const from = inbox.mails.length;
  const { body } = await system.graphql<any>(REQUEST, { email: user.email.toUpperCase() });
  expect(body).toEqual({ data: { requestPasswordReset: true } });
  const mail = await inbox.waitForMail(user.email, (candidate) => candidate.text.includes('/reset-password?'), {
    from,
  });
  expect(mail.subject).toBe('Reset your password');
  expect(mail.html).toContain('https://shop.example/reset-password?token=');
  const token = tokenFromMail(mail, '/reset-password');
  expect(mail.text.split('\n').map((line) => line.trim())).toContain(token);
  return token;
}

const errorOf = (body: any) => body.errors?.[0]?.extensions;
const BAD_TOKEN = {
  code: 'BAD_USER_INPUT',
  fields: [{ field: 'token', message: 'Token is unknown, used or expired' }],
};

describe('resetting a forgotten password', () => {
  it('sets the new password and signs in with cookies; the old password stops working', async () => {
    const user = await signUpActor(system, 'forgetful');
    const token = await resetToken(user);
    const { body, headers } = await system.graphql<any>(RESET, { token, password: 'a brand new secret' });
    expect(body.errors).toBeUndefined();
    expect(body.data.resetPassword.user).toEqual({ id: user.id, email: user.email });
    const me = await system.graphql<any>(`{ me { id } }`, {}, { cookie: cookieJar(headers) });
    expect(me.body.data.me.id).toBe(user.id);

    const old = await system.graphql<any>(SIGN_IN, { input: { email: user.email, password: ACTOR_PASSWORD } });
    expect(old.body.errors?.[0]?.message).toBe('Invalid credentials');
    const fresh = await system.graphql<any>(SIGN_IN, { input: { email: user.email, password: 'a brand new secret' } });
    expect(fresh.body.errors).toBeUndefined();
  });

  it('revokes every other sign-in of the user, and only theirs', async () => {
    const user = await signUpActor(system, 'stolen');
    const bystander = await signUpActor(system, 'bystander');
    const elsewhere = (await system.graphql<any>(SIGN_IN, { input: { email: user.email, password: ACTOR_PASSWORD } }))
      .body.data.signIn;
    const reset = (await system.graphql<any>(RESET, { token: await resetToken(user), password: 'locked out thief' }))
      .body.data.resetPassword;
    for (const refreshToken of [user.refreshToken, elsewhere.refreshToken]) {
      const { body } = await system.graphql<any>(REFRESH, { token: refreshToken });
      expect(errorOf(body)?.code).toBe('UNAUTHENTICATED');
    }
    for (const refreshToken of [reset.refreshToken, bystander.refreshToken]) {
      const { body } = await system.graphql<any>(REFRESH, { token: refreshToken });
      expect(body.errors).toBeUndefined();
    }
  });

  it('lets a reset link work once, and kills the older links once one has worked', async () => {
    const user = await signUpActor(system, 'once');
    const older = await resetToken(user);
    const newer = await resetToken(user);
    expect((await system.graphql<any>(RESET, { token: newer, password: 'first new secret' })).body.errors).toBe(
      undefined,
    );
    for (const token of [newer, older]) {
      const { body } = await system.graphql<any>(RESET, { token, password: 'second new secret' });
      expect(errorOf(body)).toEqual(BAD_TOKEN);
    }
  });

  it('lets exactly one of many simultaneous resets with one link through', async () => {
    const user = await signUpActor(system, 'racer');
    const token = await resetToken(user);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => system.graphql<any>(RESET, { token, password: `racing secret ${i}` })),
    );
    const winners = answers.filter(({ body }) => !body.errors);
    expect(winners).toHaveLength(1);
    for (const { body } of answers.filter(({ body }) => body.errors)) expect(errorOf(body)).toEqual(BAD_TOKEN);
  });

  it('refuses a link older than an hour', async () => {
    const user = await signUpActor(system, 'slow');
    const token = await resetToken(user);
    await authSql(
      system,
      `UPDATE mail_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND purpose = 'RESET_PASSWORD'`,
      [user.id],
    );
    const { body } = await system.graphql<any>(RESET, { token, password: 'too late now' });
    expect(errorOf(body)).toEqual(BAD_TOKEN);
  });

  it('checks the new password before using up the link', async () => {
    const user = await signUpActor(system, 'short');
    const token = await resetToken(user);
    const short = await system.graphql<any>(RESET, { token, password: 'short' });
    expect(errorOf(short.body)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'password', message: 'Password must be between 8 and 128 characters' }],
    });
    expect((await system.graphql<any>(RESET, { token, password: 'long enough now' })).body.errors).toBeUndefined();
  });

  it('gives an unknown e-mail the same answer as a known one, and mails it nothing', async () => {
    const user = await signUpActor(system, 'known');
    const unknown = 'nobody-here@example.com';
    const answers = [];
    for (const email of [unknown, user.email]) {
      const { status, body, headers } = await system.graphql<any>(REQUEST, { email });
      answers.push({ status, body, cookies: headers.getSetCookie() });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]?.body).toEqual({ data: { requestPasswordReset: true } });
    await inbox.waitForMail(user.email, (mail) => mail.text.includes('/reset-password?'));
    expect(inbox.mails.filter((mail) => mail.to.includes(unknown))).toEqual([]);
    // Nothing waits to be sent either: the known address's mail leaves the outbox once delivered.
    await eventually(async () => {
      const [row] = await authSql<{ n: number }>(system, 'SELECT count(*)::int AS n FROM mail_outbox');
      return row?.n === 0 ? true : undefined;
    });
  });
});
