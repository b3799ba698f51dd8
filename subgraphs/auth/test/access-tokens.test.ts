import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';

const ME = `{ me { id } }`;
let system: TestSystem;
let accessToken: string;
let userId: string;

beforeAll(async () => {
  system = await startTestSystem();
  const { body } = await system.graphql<any>(
    `mutation { signUp(input: { email: "tokens@example.com", password: "correct horse", displayName: "Tokens" }) { accessToken user { id } } }`,
  );
  accessToken = body.data.signUp.accessToken;
  userId = body.data.signUp.user.id;
});
afterAll(() => system?.close());

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function claims(overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: userId,
    email: 'tokens@example.com',
    role: 'ADMIN',
    sid: 'f0000000-0000-4000-8000-000000000000',
    iss: 'stuffmart',
    aud: 'stuffmart',
    iat: now,
    exp: now + 900,
    ...overrides,
  };
}

describe('access tokens', () => {
  it('carries the contract claims, HS256, 15 minutes', () => {
    const decoded = jwt.decode(accessToken, { complete: true })!;
    expect(decoded.header.alg).toBe('HS256');
    const payload = decoded.payload as Record<string, unknown>;
    expect(payload).toMatchObject({
      sub: userId,
      email: 'tokens@example.com',
      role: 'USER',
      iss: 'stuffmart',
      aud: 'stuffmart',
    });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(900);
  });

  it('signs the request in when untouched', async () => {
    const { body } = await system.graphql(ME, {}, { token: accessToken });
    expect(body).toEqual({ data: { me: { id: userId } } });
  });

  const forged: Array<[string, () => string]> = [
    [
      'a tampered payload (role raised to ADMIN)',
      () => {
        const [header, , signature] = accessToken.split('.');
        return `${header}.${b64(claims())}.${signature}`;
      },
    ],
    ['alg: none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
    ['HS512 with the right key', () => jwt.sign(claims(), system.env.JWT_KEY!, { algorithm: 'HS512' })],
    [
      'an expired token',
      () => jwt.sign(claims({ iat: 1_000, exp: 2_000 }), system.env.JWT_KEY!, { algorithm: 'HS256' }),
    ],
    ['another audience', () => jwt.sign(claims({ aud: 'someone-else' }), system.env.JWT_KEY!, { algorithm: 'HS256' })],
    ['another issuer', () => jwt.sign(claims({ iss: 'evil' }), system.env.JWT_KEY!, { algorithm: 'HS256' })],
    ['another key', () => jwt.sign(claims(), 'x'.repeat(48), { algorithm: 'HS256' })],
    [
      'HS256 signed by hand with a key derived the wrong way',
      () => {
        const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims())}`;
        return `${unsigned}.${createHmac('sha256', 'guess').update(unsigned).digest('base64url')}`;
      },
    ],
  ];

  for (const [name, make] of forged) {
    it(`treats ${name} as signed out`, async () => {
      const byBearer = await system.graphql(ME, {}, { token: make() });
      expect(byBearer.body).toEqual({ data: { me: null } });
      const byCookie = await system.graphql(ME, {}, { cookie: `session=${make()}` });
      expect(byCookie.body).toEqual({ data: { me: null } });
    });
  }

  it('answers refreshSession without a token with UNAUTHENTICATED "Not authorized"', async () => {
    const { body } = await system.graphql(`mutation { refreshSession { accessToken } }`);
    expect(body).toEqual({
      data: null,
      errors: [{ message: 'Not authorized', path: ['refreshSession'], extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });
});
