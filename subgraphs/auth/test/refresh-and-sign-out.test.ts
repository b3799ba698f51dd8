import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieJar } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation ($token: String) { refreshSession(refreshToken: $token) { accessToken refreshToken user { email } } }`;

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

let counter = 0;
async function newSession() {
  const email = `refresh${++counter}@example.com`;
  const response = await system.graphql<any>(SIGN_UP, {
    input: { email, password: 'correct horse', displayName: 'Refresher' },
  });
  return { email, ...response.body.data.signUp, cookies: cookieJar(response.headers) };
}

const code = (body: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => body.errors?.[0]?.extensions?.code;

describe('refreshing a session', () => {
  it('rotates: the new pair works and the old refresh token works no more', async () => {
    const first = await newSession();
    const rotated = await system.graphql<any>(REFRESH, { token: first.refreshToken });
    const second = rotated.body.data.refreshSession;
    expect(second.user.email).toBe(first.email);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(cookieJar(rotated.headers)).toContain(`refresh_token=${second.refreshToken}`);
    const me = await system.graphql<any>(`{ me { email } }`, {}, { token: second.accessToken });
    expect(me.body.data.me.email).toBe(first.email);
  });

  it('takes the refresh token from its cookie when no argument is given', async () => {
    const first = await newSession();
    const { body } = await system.graphql<any>(REFRESH, {}, { cookie: first.cookies });
    expect(body.data.refreshSession.user.email).toBe(first.email);
  });

  it('revokes the whole sign-in when a used refresh token comes back (reuse means theft)', async () => {
    const first = await newSession();
    const second = (await system.graphql<any>(REFRESH, { token: first.refreshToken })).body.data.refreshSession;
    const replay = await system.graphql(REFRESH, { token: first.refreshToken });
    expect(replay.body.errors).toEqual([
      { message: 'Not authorized', path: ['refreshSession'], extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    // The thief's replay also kills the token the rightful owner got.
    const victim = await system.graphql(REFRESH, { token: second.refreshToken });
    expect(code(victim.body)).toBe('UNAUTHENTICATED');
  });

  it('lets exactly one of two simultaneous refreshes with one token win', async () => {
    const first = await newSession();
    const results = await Promise.all([1, 2].map(() => system.graphql<any>(REFRESH, { token: first.refreshToken })));
    expect(results.filter((result) => result.body.data?.refreshSession)).toHaveLength(1);
  });

  it('keeps other sign-ins of the same user alive when one is revoked', async () => {
    const first = await newSession();
    const other = (await system.graphql<any>(SIGN_IN, { input: { email: first.email, password: 'correct horse' } }))
      .body.data.signIn;
    await system.graphql(REFRESH, { token: first.refreshToken });
    await system.graphql(REFRESH, { token: first.refreshToken }); // reuse: revokes the first family only
    const { body } = await system.graphql<any>(REFRESH, { token: other.refreshToken });
    expect(body.data.refreshSession.user.email).toBe(first.email);
  });
});

describe('signing out', () => {
  it('revokes the refresh token and clears both cookies', async () => {
    const session = await newSession();
    const { body, headers } = await system.graphql(`mutation { signOut }`, {}, { cookie: session.cookies });
    expect(body).toEqual({ data: { signOut: true } });
    const cleared = headers.getSetCookie();
    expect(cleared.find((c) => c.startsWith('session=;'))).toMatch(/Max-Age=0/);
    expect(cleared.find((c) => c.startsWith('refresh_token=;'))).toMatch(/Max-Age=0/);
    const refresh = await system.graphql(REFRESH, { token: session.refreshToken });
    expect(code(refresh.body)).toBe('UNAUTHENTICATED');
  });

  it('revokes the sign-in of a Bearer token too', async () => {
    const session = await newSession();
    await system.graphql(`mutation { signOut }`, {}, { token: session.accessToken });
    const refresh = await system.graphql(REFRESH, { token: session.refreshToken });
    expect(code(refresh.body)).toBe('UNAUTHENTICATED');
  });
});
