/**
 * `npm start`: every service of Stuffmart as its own process on this machine, against
 * DATABASE_URL and REDIS_URL. Ctrl-C or SIGTERM stops the gateway first (no new requests),
 * then the rest, each finishing what it holds.
 */
import { launchServices } from './launch.js';

try {
  const launched = await launchServices();
  process.stdout.write(
    'Stuffmart is ready: GraphQL and Apollo Sandbox at /graphql on the gateway port (default 4000)\n',
  );
  const shutdown = async (code: number) => {
    await launched.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  const name = await launched.crashed;
  process.stderr.write(`${name} stopped unexpectedly; stopping Stuffmart\n`);
  await shutdown(1);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
