import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieJar } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';

const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      user {
        id
        email
        displayName
        emailVerified
        role
        createdAt
      }
    }
  }
`;
const ME = /* GraphQL */ `
  {
    me {
      id
      email
      role
    }
  }
`;

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ ADMIN_EMAILS: 'Boss@Stuffmart.test, other@stuffmart.test' });
});
afterAll(() => system?.close());

describe('signing up', () => {
  it('creates an unverified USER with a lower-cased e-mail, a trimmed name, and a working session', async () => {
    const { body } = await system.graphql(SIGN_UP, {
      input: { email: '  Ada@Example.COM ', password: 'correct horse', displayName: '  Ada L.  ' },
    });
    expect(body.errors).toBeUndefined();
    const session = (body.data as { signUp: Record<string, any> }).signUp;
    expect(session.user).toMatchObject({
      email: 'ada@example.com',
      displayName: 'Ada L.',
      emailVerified: false,
      role: 'USER',
    });
    expect(new Date(session.user.createdAt).toISOString()).toBe(session.user.createdAt);
    const me = await system.graphql(ME, {}, { token: session.accessToken });
    expect(me.body).toEqual({ data: { me: { id: session.user.id, email: 'ada@example.com', role: 'USER' } } });
  });

  it('leaves an address listed in ADMIN_EMAILS a USER at sign-up: the role waits for verifyEmail', async () => {
    const { body } = await system.graphql(SIGN_UP, {
      input: { email: 'boss@stuffmart.test', password: 'correct horse', displayName: 'Boss?' },
    });
    expect((body.data as any).signUp.user.role).toBe('USER');
    const me = await system.graphql(ME, {}, { token: (body.data as any).signUp.accessToken });
    expect((me.body.data as any).me.role).toBe('USER');
  });

  it('sets the session and refresh cookies with the contract flags', async () => {
    const { headers } = await system.graphql(SIGN_UP, {
      input: { email: 'cookie@example.com', password: 'correct horse', displayName: 'Cookie' },
    });
    const cookies = headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('session='))!;
    const refresh = cookies.find((c) => c.startsWith('refresh_token='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Path=\//);
    expect(session).toMatch(/Max-Age=900/);
    expect(session).not.toMatch(/Secure/);
    expect(refresh).toMatch(/HttpOnly/);
    expect(refresh).toMatch(/SameSite=Strict/);
    expect(refresh).toMatch(/Max-Age=604800/);
    const me = await system.graphql(ME, {}, { cookie: cookieJar(headers) });
    expect((me.body.data as any).me.email).toBe('cookie@example.com');
  });

  it('refuses an e-mail in use with BAD_USER_INPUT on field email', async () => {
    await system.graphql(SIGN_UP, {
      input: { email: 'twice@example.com', password: 'correct horse', displayName: 'First' },
    });
    const { body } = await system.graphql(SIGN_UP, {
      input: { email: 'TWICE@example.com', password: 'another one', displayName: 'Second' },
    });
    expect(body).toEqual({
      data: null,
      errors: [
        {
          message: 'Invalid input',
          path: ['signUp'],
          extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'email', message: 'Email in use' }] },
        },
      ],
    });
  });

  it('lists every broken rule of the input under its field', async () => {
    const { body } = await system.graphql(SIGN_UP, {
      input: { email: 'not-an-email', password: 'short', displayName: '   ' },
    });
    expect(body.errors?.[0]?.message).toBe('Invalid input');
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'email', message: 'Email must be valid' },
        { field: 'password', message: 'Password must be between 8 and 128 characters' },
        { field: 'displayName', message: 'Display name must be between 1 and 50 characters' },
      ],
    });
  });

  it('refuses a display name over 50 characters once trimmed', async () => {
    const { body } = await system.graphql(SIGN_UP, {
      input: { email: 'long-name@example.com', password: 'correct horse', displayName: `  ${'n'.repeat(51)}  ` },
    });
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'displayName', message: 'Display name must be between 1 and 50 characters' }],
    });
    const fifty = await system.graphql(SIGN_UP, {
      input: { email: 'fifty@example.com', password: 'correct horse', displayName: `  ${'n'.repeat(50)}  ` },
    });
    expect((fifty.body.data as any).signUp.user.displayName).toBe('n'.repeat(50));
  });
});

describe('signing up where ALLOWED_EMAIL_DOMAINS is set', () => {
  let campus: TestSystem;
  beforeAll(async () => {
    campus = await startTestSystem({ ALLOWED_EMAIL_DOMAINS: 'Uni.edu, college.ac.uk' });
  });
  afterAll(() => campus?.close());

  it('accepts the listed domains, whatever their case', async () => {
    for (const email of ['student@uni.edu', 'Fresher@COLLEGE.ac.uk']) {
      const { body } = await campus.graphql(SIGN_UP, {
        input: { email, password: 'correct horse', displayName: 'Student' },
      });
      expect(body.errors, email).toBeUndefined();
    }
  });

  it('refuses any other domain, subdomains and look-alikes included, on field email', async () => {
    for (const email of ['someone@gmail.com', 'x@cs.uni.edu', 'x@uni.edu.evil.com', 'x@notuni.edu']) {
      const { body } = await campus.graphql(SIGN_UP, {
        input: { email, password: 'correct horse', displayName: 'Outsider' },
      });
      expect(body.errors?.[0]?.extensions, email).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'email', message: 'Use your university e-mail' }],
      });
    }
  });
});
