import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../system/index.js';

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
const REQUEST_RESET = `mutation ($email: String!) { requestPasswordReset(email: $email) }`;
const VERIFY = `mutation ($token: String!) { verifyEmail(token: $token) { accessToken } }`;
const RESET = `mutation ($token: String!, $password: String!) { resetPassword(token: $token, password: $password) { accessToken } }`;
const REFRESH = `mutation ($token: String) { refreshSession(refreshToken: $token) { accessToken } }`;

const SIGN_UP_LIMIT = 3;
const SIGN_IN_LIMIT = 5;

let system: TestSystem;
let redis: Redis;
beforeAll(async () => {
  system = await startTestSystem({
    TRUST_PROXY: 'true',
    SIGN_UP_MAX_PER_ADDRESS: String(SIGN_UP_LIMIT),
    SIGN_IN_MAX_FAILURES_PER_EMAIL: String(SIGN_IN_LIMIT),
  });
  redis = new Redis(system.env.REDIS_URL!);
});
afterAll(async () => {
  redis?.disconnect();
  await system?.close();
});

let addresses = 0;
/** Each test its own client address (the proxy's entry), so the limits of one do not spill into another. */
const from = () => ({ headers: { 'x-forwarded-for': `203.0.113.${++addresses}` } });

/** The auth counters this system holds in Redis, with their values and time to live. */
async function counters(): Promise<Array<{ key: string; value: number; ttl: number }>> {
  const prefix = `${system.env.STUFFMART_NAMESPACE}:`;
  const keys: string[] = [];
  for (const pattern of ['sign-in-failures:*', 'sign-up:*']) {
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}${pattern}`, 'COUNT', 500);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
  }
  return Promise.all(
    keys.map(async (key) => ({ key, value: Number(await redis.get(key)), ttl: await redis.ttl(key) })),
  );
}

async function userCount(): Promise<number> {
  const url = new URL(system.env.DATABASE_URL!);
  url.pathname = `/${system.env.STUFFMART_NAMESPACE}_auth`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0]!.n;
  } finally {
    await client.end();
  }
}

function expectBadInput(body: any, field: string) {
  expect(body.errors?.[0]?.message).toBe('Invalid input');
  expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(body.errors?.[0]?.extensions?.fields?.map((entry: { field: string }) => entry.field)).toContain(field);
}

const huge = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`;

describe('auth string arguments past their length', () => {
  it('are refused with BAD_USER_INPUT on their field, leaving no user row and no counter behind', async () => {
    const usersBefore = await userCount();
    const countersBefore = await counters();
    const attempts: Array<[string, Record<string, unknown>, string]> = [
      [SIGN_UP, { input: { email: huge(255), password: 'correct horse', displayName: 'Long' } }, 'email'],
      [SIGN_UP, { input: { email: huge(100_000), password: 'correct horse', displayName: 'Long' } }, 'email'],
      [SIGN_UP, { input: { email: 'ok@example.com', password: 'p'.repeat(129), displayName: 'Long' } }, 'password'],
      [
        SIGN_UP,
        { input: { email: 'ok@example.com', password: 'correct horse', displayName: 'd'.repeat(51) } },
        'displayName',
      ],
      [SIGN_IN, { input: { email: huge(255), password: 'whatever1' } }, 'email'],
      [SIGN_IN, { input: { email: 'ok@example.com', password: 'p'.repeat(100_000) } }, 'password'],
      [REQUEST_RESET, { email: huge(255) }, 'email'],
      [VERIFY, { token: 't'.repeat(201) }, 'token'],
      [VERIFY, { token: '' }, 'token'],
      [RESET, { token: 't'.repeat(100_000), password: 'correct horse' }, 'token'],
      [REFRESH, { token: 'r'.repeat(201) }, 'refreshToken'],
    ];
    for (const [query, variables, field] of attempts) {
      const { body } = await system.graphql<any>(query, variables, from());
      expectBadInput(body, field);
    }
    expect(await userCount()).toBe(usersBefore);
    expect(await counters()).toEqual(countersBefore);
  });

  it('accepts the longest e-mail the contract allows (254 characters)', async () => {
    const email = huge(254);
    const { body } = await system.graphql<any>(
      SIGN_UP,
      { input: { email, password: 'correct horse', displayName: 'Longest' } },
      from(),
    );
    expect(body.errors).toBeUndefined();
  });
});

describe('the sign-in failure counter', () => {
  it('keys by a hash of the e-mail, never the e-mail itself, and stops counting past the limit', async () => {
    const email = huge(254);
    const client = from();
    for (let attempt = 0; attempt < SIGN_IN_LIMIT * 4; attempt++) {
      await system.graphql<any>(SIGN_IN, { input: { email, password: `guess ${attempt}` } }, client);
    }
    const { body } = await system.graphql<any>(SIGN_IN, { input: { email, password: 'one more' } }, client);
    expect(body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(body.errors?.[0]?.message).toBe('Too many attempts, try again later');
    const all = await counters();
    for (const counter of all) {
      expect(counter.key).not.toContain('aaaa');
      expect(counter.key.length).toBeLessThan(100);
      expect(counter.ttl).toBeGreaterThan(0);
    }
    const perEmail = all.filter((counter) => counter.key.includes('sign-in-failures:email:'));
    expect(Math.max(...perEmail.map((counter) => counter.value))).toBe(SIGN_IN_LIMIT + 1);
  });
});

describe('sign-ups from one address', () => {
  it(`are RATE_LIMITED past SIGN_UP_MAX_PER_ADDRESS an hour, before any user is made; other addresses still sign up`, async () => {
    const client = from();
    for (let i = 0; i < SIGN_UP_LIMIT; i++) {
      const { body } = await system.graphql<any>(
        SIGN_UP,
        { input: { email: `flood${i}@example.com`, password: 'correct horse', displayName: `Flood ${i}` } },
        client,
      );
      expect(body.errors).toBeUndefined();
    }
    const usersBefore = await userCount();
    for (let i = 0; i < 10; i++) {
      const { body } = await system.graphql<any>(
        SIGN_UP,
        { input: { email: `more${i}@example.com`, password: 'correct horse', displayName: 'More' } },
        client,
      );
      expect(body).toEqual({
        data: null,
        errors: [
          {
            message: 'Too many attempts, try again later',
            path: ['signUp'],
            extensions: { code: 'RATE_LIMITED' },
          },
        ],
      });
    }
    expect(await userCount()).toBe(usersBefore);
    const signUpCounters = (await counters()).filter((counter) => counter.key.includes(':sign-up:'));
    for (const counter of signUpCounters) {
      expect(counter.value).toBeLessThanOrEqual(SIGN_UP_LIMIT + 1);
      expect(counter.ttl).toBeGreaterThan(0);
      expect(counter.ttl).toBeLessThanOrEqual(3600);
      expect(counter.key.length).toBeLessThan(100);
    }
    const elsewhere = await system.graphql<any>(
      SIGN_UP,
      { input: { email: 'elsewhere@example.com', password: 'correct horse', displayName: 'Elsewhere' } },
      from(),
    );
    expect(elsewhere.body.errors).toBeUndefined();
  });

  it('count in parallel too: of many sign-ups sent at once, only the allowed number get through', async () => {
    const client = from();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        system.graphql<any>(
          SIGN_UP,
          { input: { email: `burst${i}@example.com`, password: 'correct horse', displayName: 'Burst' } },
          client,
        ),
      ),
    );
    const codes = answers.map(({ body }) => body.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(SIGN_UP_LIMIT);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(12 - SIGN_UP_LIMIT);
  });

  it('are not counted when the input is refused first', async () => {
    const client = from();
    for (let i = 0; i < 10; i++) {
      const { body } = await system.graphql<any>(
        SIGN_UP,
        { input: { email: 'not-an-email', password: 'x', displayName: '' } },
        client,
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const { body } = await system.graphql<any>(
      SIGN_UP,
      { input: { email: 'after-typos@example.com', password: 'correct horse', displayName: 'Careful' } },
      client,
    );
    expect(body.errors).toBeUndefined();
  });
});
