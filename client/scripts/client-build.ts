import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportBuildProgress, type BuildProgress } from './build-progress.js';

export const CLIENT_DIR = fileURLToPath(new URL('..', import.meta.url));
export const NEXT_BIN = path.join(CLIENT_DIR, '../node_modules/next/dist/bin/next');
const BUILD_ID = path.join(CLIENT_DIR, '.next/BUILD_ID');
const LOCK = path.join(CLIENT_DIR, '.next-build.lock');
/** What a build is made from; a change in any of them calls for a new build. */
const SOURCES = ['app', 'components', 'lib', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'package.json'];

async function newestChange(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const children = await readdir(entry);
  const times = await Promise.all(children.map((child) => newestChange(path.join(entry, child))));
  return Math.max(info.mtimeMs, ...times);
}

async function isUpToDate(): Promise<boolean> {
  if (!existsSync(BUILD_ID)) return false;
  const built = statSync(BUILD_ID).mtimeMs;
  const changed = await Promise.all(SOURCES.map((source) => newestChange(path.join(CLIENT_DIR, source))));
  return Math.max(...changed) < built;
}

function runNextBuild(onProgress?: BuildProgress): Promise<void> {
  return new Promise((resolve, reject) => {
    const progress = onProgress ? reportBuildProgress(onProgress) : null;
    const child = spawn(process.execPath, [NEXT_BIN, 'build'], {
      cwd: CLIENT_DIR,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      progress?.take(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      progress?.take(chunk);
    });
    child.on('error', (error) => {
      progress?.stop();
      reject(error);
    });
    child.on('exit', (code) => {
      progress?.stop();
      if (code === 0) resolve();
      else reject(new Error(`next build failed:\n${output}`));
    });
  });
}

/**
 * `next build` when the sources changed since the last one. Test files run in parallel
 * and `npm start` may run beside them; two builds into one .next would trample each
 * other, so the first takes a lock (an atomic mkdir) and the others wait for it.
 */
export async function ensureClientBuild(onProgress?: BuildProgress): Promise<void> {
  let toldWaiting = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than any build could take was left by a killed run.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 10 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      if (!toldWaiting) onProgress?.('waiting for another build of the storefront to finish…');
      toldWaiting = true;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (await isUpToDate()) {
      onProgress?.('up to date, no build needed');
      return;
    }
    onProgress?.('building (the first start, or the sources changed; a minute or two)…');
    await runNextBuild(onProgress);
    onProgress?.('built');
    // Next writes next-env.d.ts at every build. It is generated, git-ignored and not in
    // Prettier's style, so it is removed to keep `npm run lint` green after the tests.
    rmSync(path.join(CLIENT_DIR, 'next-env.d.ts'), { force: true });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
