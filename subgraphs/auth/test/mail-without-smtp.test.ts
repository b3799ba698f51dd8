import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dropNamespace, eventually, freePort, postGraphQL, testEnv } from '@stuffmart/test-kit';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const env = testEnv({ LOG_LEVEL: 'info', PUBLIC_URL: 'http://shop.test' });
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await dropNamespace(env.DATABASE_URL!, env.REDIS_URL!, env.STUFFMART_NAMESPACE!);
});

describe('auth without SMTP_URL', () => {
  it('writes each mail, link included, to its log instead (npm start with nothing else installed)', async () => {
    const port = await freePort();
    let stdout = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/auth/src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env, AUTH_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const url = `http://127.0.0.1:${port}`;
    await eventually(
      async () => ((await fetch(`${url}/readyz`).catch(() => undefined))?.ok ? true : undefined),
      20_000,
      'auth to be ready',
    );
    const { body } = await postGraphQL<any>(
      `${url}/graphql`,
      `mutation ($input: SignUpInput!) { signUp(input: $input) { user { id } } }`,
      { input: { email: 'logged@example.com', password: 'correct horse', displayName: 'Logged' } },
    );
    expect(body.errors).toBeUndefined();
    const line = await eventually(
      async () => stdout.split('\n').find((candidate) => candidate.includes('mail (no SMTP_URL set)')),
      10_000,
      'the mail in the log',
    );
    const { mail } = JSON.parse(line) as { mail: { to: string; subject: string; text: string } };
    expect(mail.to).toBe('logged@example.com');
    expect(mail.subject).toBe('Confirm your e-mail address');
    expect(mail.text).toMatch(/http:\/\/shop\.test\/verify-email\?token=[\w-]{43}/);
  });
});
