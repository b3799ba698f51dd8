import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieJar, startTestSystem, type TestSystem } from '@stuffmart/test-kit';

const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      user {
        id
        email
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
  it('creates a USER with a lower-cased e-mail and returns a working session', async () => {
    const { body } = await system.graphql(SIGN_UP, {
      input: { email: '  Ada@Example.COM ', password: 'correct horse' },
    });
    expect(body.errors).toBeUndefined();
    const session = (body.data as { signUp: Record<string, any> }).signUp;
    expect(session.user).toMatchObject({ email: 'ada@example.com', role: 'USER' });
    expect(new Date(session.user.createdAt).toISOString()).toBe(session.user.createdAt);
    const me = await system.graphql(ME, {}, { token: session.accessToken });
    expect(me.body).toEqual({ data: { me: { id: session.user.id, email: 'ada@example.com', role: 'USER' } } });
  });

  it('gives role ADMIN to the e-mails listed in ADMIN_EMAILS, whatever their case', async () => {
    const { body } = await system.graphql(SIGN_UP, {
      input: { email: 'boss@stuffmart.test', password: 'correct horse' },
    });
    expect((body.data as any).signUp.user.role).toBe('ADMIN');
  });

  it('sets the session and refresh cookies with the contract flags', async () => {
    const { headers } = await system.graphql(SIGN_UP, {
      input: { email: 'cookie@example.com', password: 'correct horse' },
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
    await system.graphql(SIGN_UP, { input: { email: 'twice@example.com', password: 'correct horse' } });
    const { body } = await system.graphql(SIGN_UP, { input: { email: 'TWICE@example.com', password: 'another one' } });
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
    const { body } = await system.graphql(SIGN_UP, { input: { email: 'not-an-email', password: 'short' } });
    expect(body.errors?.[0]?.message).toBe('Invalid input');
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'email', message: 'Email must be valid' },
        { field: 'password', message: 'Password must be between 8 and 128 characters' },
      ],
    });
  });
});
