import { randomBytes } from 'node:crypto';
import type { Env } from '@stuffmart/common';

/**
 * Each test system gets its own namespace, so its databases and Redis keys never meet
 * another test's, even when test files run in parallel against the one server.
 */
export function testEnv(overrides: Env = {}): Env {
  return {
    JWT_KEY: randomBytes(32).toString('base64url'),
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    STUFFMART_NAMESPACE: `t_${randomBytes(5).toString('hex')}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
    // 2^14 keeps test sign-ups fast; the OWASP default (2^17) has its own test.
    PASSWORD_SCRYPT_LOG2_N: '14',
    // Every test signs its users up from 127.0.0.1; the limit itself has its own test.
    SIGN_UP_MAX_PER_ADDRESS: '1000000',
    // In-process test systems stop at once; the grace period has its own test.
    SHUTDOWN_GRACE_MS: '0',
    ...overrides,
  };
}
