/**
 * `npm start`: every service of Stuffmart as its own process on this machine, against
 * DATABASE_URL and REDIS_URL, kept running (a crashed service is restarted). SIGINT, SIGTERM
 * or SIGHUP stops the gateway first (no new requests), then the rest, each finishing what it
 * holds; so does losing our parent (npm killed without passing its signal on). START_WITHOUT
 * (e.g. `client`) leaves services out.
 */
import { Supervisor } from './launch.js';

const supervisor = new Supervisor(process.env, {
  without: (process.env.START_WITHOUT ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean),
});

let stopping = false;
const shutdown = async (why: string, code: number) => {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`Stuffmart stopping (${why})\n`);
  await supervisor.stop();
  process.exit(code);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal, 0));
// Reparented: whoever started us is gone, and with it whoever would have stopped us.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown('parent gone', 0);
}, 500).unref();

try {
  await supervisor.start();
  if (!stopping) {
    process.stdout.write(
      'Stuffmart is ready: GraphQL and Apollo Sandbox at /graphql on the gateway port (default 4000)\n',
    );
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  await shutdown('start-up failed', 1);
}
