import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpActor, startTestSystem, type TestSystem } from '@stuffmart/test-kit';

const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`;

async function failTwice(system: TestSystem, forwardedFor: string) {
  for (let attempt = 0; attempt < 2; attempt++) {
    await system.graphql(
      SIGN_IN,
      { input: { email: `nobody${attempt}-${Math.random()}@example.com`, password: 'wrong password' } },
      { headers: { 'x-forwarded-for': forwardedFor } },
    );
  }
}

async function signInFrom(system: TestSystem, email: string, forwardedFor: string) {
  const { body } = await system.graphql(
    SIGN_IN,
    { input: { email, password: 'correct horse battery' } },
    { headers: { 'x-forwarded-for': forwardedFor } },
  );
  return body.errors?.[0]?.extensions?.code ?? 'OK';
}

describe('the address failed sign-ins are counted under', () => {
  describe('behind a trusted proxy (TRUST_PROXY=true)', () => {
    let system: TestSystem;
    beforeAll(async () => {
      system = await startTestSystem({ TRUST_PROXY: 'true', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '2' });
    });
    afterAll(() => system?.close());

    it('is the entry the proxy appended, not one the client wrote', async () => {
      const user = await signUpActor(system, 'victim');
      await failTwice(system, '198.51.100.1, 203.0.113.9');
      expect(await signInFrom(system, user.email, '198.51.100.7, 203.0.113.9')).toBe('RATE_LIMITED');
      // Writing the locked address first does not borrow its lock, nor escape one's own.
      expect(await signInFrom(system, user.email, '203.0.113.9, 203.0.113.10')).toBe('OK');
    });
  });

  describe('without a trusted proxy', () => {
    let system: TestSystem;
    beforeAll(async () => {
      system = await startTestSystem({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '2' });
    });
    afterAll(() => system?.close());

    it('ignores X-Forwarded-For: a client cannot spread its failures over made-up addresses', async () => {
      const user = await signUpActor(system, 'victim');
      await failTwice(system, '192.0.2.1');
      expect(await signInFrom(system, user.email, '192.0.2.2')).toBe('RATE_LIMITED');
    });
  });
});
