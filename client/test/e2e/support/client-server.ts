import { spawn } from 'node:child_process';
import { CLIENT_DIR, NEXT_BIN } from '../../../scripts/client-build.js';

export interface ClientServer {
  /** The storefront's origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

/**
 * `next start` against the given gateway, as `npm start` would run it, on `port` (0: a free
 * one). A port chosen beforehand lets the system's PUBLIC_URL, the base of links in mails,
 * name this storefront.
 */
export function startClientServer(
  gatewayUrl: string,
  { port = 0, env = {} }: { port?: number; env?: Record<string, string> } = {},
): Promise<ClientServer> {
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: CLIENT_DIR,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', GATEWAY_URL: gatewayUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`next start did not come up:\n${output}`));
    }, 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const origin = /Local:\s+(http:\/\/[\d.]+:\d+)/.exec(output)?.[1];
      if (origin && /Ready in/.test(output)) {
        clearTimeout(timer);
        resolve({ origin, close });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`next start exited (${code}):\n${output}`));
    });
  });
}
