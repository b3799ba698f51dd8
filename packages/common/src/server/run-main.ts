import { ConfigError } from '../config/load-config.js';

export interface Stoppable {
  close(): Promise<void>;
}

/**
 * The shape of every process' main: start, then on SIGINT/SIGTERM stop taking work, let the
 * service hand back what it holds, and exit; a bad config or an unreachable dependency at
 * start exits 1 with a readable line instead of a stack.
 */
export async function runMain(name: string, start: () => Promise<Stoppable>): Promise<void> {
  let running: Stoppable;
  try {
    running = await start();
  } catch (error) {
    const reason =
      error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(`${name} could not start: ${reason}\n`);
    process.exit(1);
  }
  // Under `npm start` the launcher waits for this before starting what depends on us.
  process.send?.({ type: 'ready', name });
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${name} stopping (${why})\n`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await running.close();
      process.exit(0);
    } catch (error) {
      process.stderr.write(`${name} did not stop cleanly: ${String(error)}\n`);
      process.exit(1);
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Started by the launcher (IPC): when it is gone, however it went, nobody supervises or
  // stops us any more, so we stop too rather than run on as an orphan.
  if (process.connected) process.once('disconnect', () => void stop('launcher gone'));
}
