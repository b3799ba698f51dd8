import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testEnv } from '@stuffmart/test-kit';
import { startTestSystem } from '../../test/system/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a service's real entry point as `npm start` would, and collects what it says. */
function runEntry(
  entry: string,
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('starting up', () => {
  for (const entry of ['gateway/src/main.ts', 'subgraphs/auth/src/main.ts']) {
    it(`${entry} refuses to start without JWT_KEY, saying so`, async () => {
      const { JWT_KEY: _omitted, ...env } = testEnv();
      const { code, stderr } = await runEntry(entry, env);
      expect(code).toBe(1);
      expect(stderr).toMatch(/JWT_KEY: is required/);
      expect(stderr).not.toMatch(/at .*\.ts:\d+/); // a sentence, not a stack
    });
  }

  it('refuses a JWT_KEY shorter than 32 characters', async () => {
    const { code, stderr } = await runEntry('gateway/src/main.ts', testEnv({ JWT_KEY: 'short' }));
    expect(code).toBe(1);
    expect(stderr).toMatch(/JWT_KEY: must be at least 32 characters/);
  });

  it('exits 1 with a readable reason when PostgreSQL cannot be reached', async () => {
    const { code, stderr } = await runEntry(
      'subgraphs/auth/src/main.ts',
      testEnv({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres', AUTH_PORT: '0' }),
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/PostgreSQL could not be reached/);
  });

  it('exits 1 with a readable reason when Redis cannot be reached', async () => {
    const { code, stderr } = await runEntry(
      'gateway/src/main.ts',
      testEnv({ REDIS_URL: 'redis://127.0.0.1:1', GATEWAY_PORT: '0' }),
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/Redis/);
  });

  it('answers /healthz and /readyz with 200 once everything is up', async () => {
    const system = await startTestSystem();
    try {
      expect((await fetch(`${system.origin}/healthz`)).status).toBe(200);
      const ready = await fetch(`${system.origin}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: 'ready',
        checks: { redis: 'ok', auth: 'ok', catalog: 'ok', orders: 'ok', payments: 'ok' },
      });
    } finally {
      await system.close();
    }
  });

  it('creates its database <namespace>_<subgraph> and stores passwords with scrypt at OWASP cost by default', async () => {
    const system = await startTestSystem({ PASSWORD_SCRYPT_LOG2_N: undefined });
    try {
      await system.graphql(
        `mutation { signUp(input: { email: "cost@example.com", password: "correct horse", displayName: "Cost" }) { accessToken } }`,
      );
      const pg = (await import('pg')).default;
      const client = new pg.Client({
        connectionString: `postgres://postgres@127.0.0.1:5432/${system.env.STUFFMART_NAMESPACE}_auth`,
      });
      await client.connect();
      const { rows } = await client.query<{ password_hash: string }>('SELECT password_hash FROM users');
      await client.end();
      expect(rows[0]!.password_hash).toMatch(/^scrypt\$17\$8\$1\$/);
      expect(rows[0]!.password_hash).not.toContain('correct horse');
    } finally {
      await system.close();
    }
  });
});
