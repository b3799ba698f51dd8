/**
 * The storefront as `npm start` runs it: built if the sources changed, then served by
 * scripts/storefront-server.mjs on CLIENT_PORT (default 3000) against GATEWAY_URL. Started by
 * the root launcher, it reports ready over IPC like the other services; SIGTERM/SIGINT stop
 * Next.js with it.
 */
import { spawn } from 'node:child_process';
import { readClientConfig } from '../lib/config.js';
import { CLIENT_DIR, ensureClientBuild } from './client-build.js';

// Next.js only logs a failing instrumentation hook and serves errors; fail here instead, readably.
try {
  readClientConfig(process.env);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}

const port = process.env.CLIENT_PORT?.trim() || '3000';
const host = process.env.BIND_HOST?.trim() || '127.0.0.1';
if (!/^\d+$/.test(port) || Number(port) > 65_535) {
  process.stderr.write(`CLIENT_PORT: must be a port number, got "${port}"\n`);
  process.exit(1);
}

// Each line of the build (Next's own, or a heartbeat) is shown, so a first start never looks stuck.
await ensureClientBuild((line) => process.stdout.write(`storefront: ${line}\n`));
// Next.js behind our own server, which gives the gateway each browser's address (storefront-server.mjs).
const next = spawn(process.execPath, ['scripts/storefront-server.mjs'], {
  cwd: CLIENT_DIR,
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CLIENT_PORT: port, BIND_HOST: host },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let announced = false;
next.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /Ready in/.test(chunk.toString())) {
    announced = true;
    process.stdout.write(`storefront: http://${host}:${port}/\n`);
    process.send?.({ type: 'ready' });
  }
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => next.kill(signal));
next.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
