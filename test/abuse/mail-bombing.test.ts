import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpActor } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../system/index.js';
import { authSql } from '../../subgraphs/auth/test/support/auth-db.js';

const REQUEST_RESET = `mutation ($email: String!) { requestPasswordReset(email: $email) }`;
const RESEND = `mutation { resendVerificationEmail }`;
const LIMIT = 3;

let system: TestSystem;
let redis: Redis;
beforeAll(async () => {
  system = await startTestSystem({ MAIL_MAX_PER_RECIPIENT: String(LIMIT) });
  redis = new Redis(system.env.REDIS_URL!);
});
afterAll(async () => {
  redis?.disconnect();
  await system?.close();
});

async function tokensOf(userId: string, purpose: string): Promise<number> {
  const [row] = await authSql<{ n: number }>(
    system,
    'SELECT count(*)::int AS n FROM mail_tokens WHERE user_id = $1 AND purpose = $2',
    [userId, purpose],
  );
  return row!.n;
}

async function mailCounters(): Promise<Array<{ key: string; value: number; ttl: number }>> {
  const keys = await redis.keys(`${system.env.STUFFMART_NAMESPACE}:mail:*`);
  return Promise.all(
    keys.map(async (key) => ({ key, value: Number(await redis.get(key)), ttl: await redis.ttl(key) })),
  );
}

describe("flooding someone's inbox with links", () => {
  it('sends at most MAIL_MAX_PER_RECIPIENT reset mails an hour to one address, and still answers true', async () => {
    const victim = await signUpActor(system, 'victim');
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => system.graphql<any>(REQUEST_RESET, { email: victim.email })),
    );
    for (const { body } of answers) expect(body).toEqual({ data: { requestPasswordReset: true } });
    expect(await tokensOf(victim.id, 'RESET_PASSWORD')).toBe(LIMIT);
  });

  it('resends the verification mail at most MAIL_MAX_PER_RECIPIENT times an hour', async () => {
    const user = await signUpActor(system, 'impatient');
    for (let i = 0; i < 8; i++) {
      const { body } = await system.graphql<any>(RESEND, {}, { token: user.token });
      expect(body).toEqual({ data: { resendVerificationEmail: true } });
    }
    // The sign-up mail, then LIMIT resends.
    expect(await tokensOf(user.id, 'VERIFY_EMAIL')).toBe(1 + LIMIT);
  });

  it('counts an unknown address as a known one, under a hashed key that expires and stops at the limit', async () => {
    const address = `nobody-${Date.now()}@example.com`;
    for (let i = 0; i < 10; i++) {
      const { body } = await system.graphql<any>(REQUEST_RESET, { email: address });
      expect(body).toEqual({ data: { requestPasswordReset: true } });
    }
    const counters = await mailCounters();
    expect(counters.length).toBeGreaterThan(0);
    for (const counter of counters) {
      expect(counter.key).not.toContain('@');
      expect(counter.key.length).toBeLessThan(100);
      expect(counter.value).toBeLessThanOrEqual(LIMIT + 1);
      expect(counter.ttl).toBeGreaterThan(0);
      expect(counter.ttl).toBeLessThanOrEqual(3600);
    }
  });
});
