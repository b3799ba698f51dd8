import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpActor, type Actor } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ME = `{ me { role } }`;
const COUPONS = `{ coupons { nodes { code } } }`;
const REFRESH = `mutation ($token: String) { refreshSession(refreshToken: $token) { accessToken refreshToken user { role } } }`;

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

/** `npm run admin -- <args>` as the README tells an operator to run it. */
function admin(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'admin', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: system.env.DATABASE_URL,
      STUFFMART_NAMESPACE: system.env.STUFFMART_NAMESPACE,
    },
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

async function refresh(actor: Actor): Promise<Actor> {
  const { body } = await system.graphql<any>(REFRESH, { token: actor.refreshToken });
  expect(body.errors).toBeUndefined();
  return { ...actor, token: body.data.refreshSession.accessToken, refreshToken: body.data.refreshSession.refreshToken };
}

const codeOf = (body: any) => body.errors?.[0]?.extensions?.code;

describe('npm run admin', () => {
  it('grants ADMIN; live access tokens carry it from their next refreshSession on', async () => {
    const user = await signUpActor(system, 'promoted');
    const granted = admin('grant', user.email.toUpperCase());
    expect(granted.status, granted.output).toBe(0);
    expect(granted.output).toContain('ADMIN');
    // The access token in hand still says USER until it is refreshed.
    expect(codeOf((await system.graphql<any>(COUPONS, {}, { token: user.token })).body)).toBe('FORBIDDEN');
    const refreshed = await refresh(user);
    expect((await system.graphql<any>(ME, {}, { token: refreshed.token })).body.data.me.role).toBe('ADMIN');
    expect((await system.graphql<any>(COUPONS, {}, { token: refreshed.token })).body.errors).toBeUndefined();

    const revoked = admin('revoke', user.email);
    expect(revoked.status, revoked.output).toBe(0);
    const demoted = await refresh(refreshed);
    expect(codeOf((await system.graphql<any>(COUPONS, {}, { token: demoted.token })).body)).toBe('FORBIDDEN');
  });

  it('says so, and fails, for an e-mail nobody has, or a command it does not know', () => {
    const unknown = admin('grant', 'nobody@example.com');
    expect(unknown.status).toBe(1);
    expect(unknown.output).toContain('No user has the e-mail nobody@example.com');
    const wrong = admin('promote', 'x@example.com');
    expect(wrong.status).toBe(2);
    expect(wrong.output).toContain('usage: npm run admin -- grant <email> | revoke <email>');
  });
});
