import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { user { id } } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken user { id email } } }`;
const ME = `{ me { id email } }`;

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({
    SIGN_IN_MAX_FAILURES_PER_EMAIL: '3',
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: '8',
    SIGN_IN_LOCKOUT_SECONDS: '2',
  });
});
afterAll(() => system?.close());

async function signUp(email: string, password = 'correct horse') {
  const { body } = await system.graphql(SIGN_UP, { input: { email, password, displayName: 'Signer' } });
  expect(body.errors).toBeUndefined();
}

describe('signing in', () => {
  it('returns a session whose access token signs the user in by Bearer', async () => {
    await signUp('grace@example.com');
    const { body } = await system.graphql(SIGN_IN, {
      input: { email: 'Grace@Example.com', password: 'correct horse' },
    });
    const session = (body.data as any).signIn;
    expect(session.user.email).toBe('grace@example.com');
    const me = await system.graphql(ME, {}, { token: session.accessToken });
    expect((me.body.data as any).me).toEqual(session.user);
  });

  it('says "Invalid credentials" for a wrong password and for an unknown e-mail alike', async () => {
    await signUp('linus@example.com');
    for (const input of [
      { email: 'linus@example.com', password: 'wrong password' },
      { email: 'nobody@example.com', password: 'correct horse' },
    ]) {
      const { body } = await system.graphql(SIGN_IN, { input });
      expect(body).toEqual({
        data: null,
        errors: [{ message: 'Invalid credentials', path: ['signIn'], extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
  });

  it('answers me with null, not an error, when signed out', async () => {
    const { status, body } = await system.graphql(ME);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { me: null } });
  });

  it('locks an e-mail after too many failures, even for the right password, until the window passes', async () => {
    await signUp('target@example.com');
    for (let attempt = 0; attempt < 3; attempt++) {
      const { body } = await system.graphql(SIGN_IN, {
        input: { email: 'target@example.com', password: 'guess ' + attempt },
      });
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await system.graphql(SIGN_IN, { input: { email: 'target@example.com', password: 'correct horse' } });
    expect(locked.body.errors).toEqual([
      { message: 'Too many attempts, try again later', path: ['signIn'], extensions: { code: 'RATE_LIMITED' } },
    ]);
    await sleep(2200);
    const after = await system.graphql(SIGN_IN, { input: { email: 'target@example.com', password: 'correct horse' } });
    expect(after.body.errors).toBeUndefined();
  });

  it('locks an address that fails across many e-mails', async () => {
    await signUp('innocent@example.com');
    await sleep(2200); // let earlier failures of this file's address expire
    // The failures and the sign-in follow each other at once: the lockout here is only 2 s.
    for (let attempt = 0; attempt < 8; attempt++) {
      await system.graphql(SIGN_IN, { input: { email: `spray${attempt}@example.com`, password: 'nope nope' } });
    }
    const { body } = await system.graphql(SIGN_IN, {
      input: { email: 'innocent@example.com', password: 'correct horse' },
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});

describe('guessing in parallel', () => {
  it('cannot slip past the limit by sending many guesses at once', async () => {
    await sleep(2200); // earlier tests' failures from this address expire
    await signUp('parallel@example.com');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        system.graphql(SIGN_IN, { input: { email: 'parallel@example.com', password: `guess ${i}` } }),
      ),
    );
    const codes = results.map((result) => result.body.errors?.[0]?.extensions?.code);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(17);
  });
});
