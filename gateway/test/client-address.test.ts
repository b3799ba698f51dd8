import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpActor } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../test/system/index.js';

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

  describe('behind the storefront, the one proxy trusted by address (compose: TRUST_PROXY=<its address>)', () => {
    let system: TestSystem;
    beforeAll(async () => {
      // The test process plays the storefront: it connects from 127.0.0.1.
      system = await startTestSystem({ TRUST_PROXY: '127.0.0.1', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '2' });
    });
    afterAll(() => system?.close());

    it('is the address the storefront appended, so each visitor has a limit of their own', async () => {
      const user = await signUpActor(system, 'victim');
      await failTwice(system, '198.51.100.1, 203.0.113.9');
      expect(await signInFrom(system, user.email, '203.0.113.9')).toBe('RATE_LIMITED');
      // Another visitor behind the same storefront is not locked out by the first one's failures.
      expect(await signInFrom(system, user.email, '203.0.113.10')).toBe('OK');
    });
  });

  describe('when the request does not come from a trusted proxy (a client on the published port)', () => {
    let system: TestSystem;
    beforeAll(async () => {
      system = await startTestSystem({ TRUST_PROXY: '192.0.2.50', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '2' });
    });
    afterAll(() => system?.close());

    it('ignores X-Forwarded-For: made-up addresses spread nothing', async () => {
      const user = await signUpActor(system, 'victim');
      await failTwice(system, '192.0.2.1');
      expect(await signInFrom(system, user.email, '192.0.2.2')).toBe('RATE_LIMITED');
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
