/**
 * `npm run chaos`: the fault-injection run (see run-chaos.ts). Prints a table of what held and
 * exits 1 when something did not.
 */
import { formatReport, runChaos } from './run-chaos.js';

const report = await runChaos({
  buyers: 6,
  kill: ['orders', 'payments', 'catalog', 'expiration', 'auth', 'gateway'],
  killPauseMs: 4000,
  restartRedis: true,
  cutDatabaseMs: 10_000,
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${formatReport(report)}\n`);
process.exit(report.checks.every((check) => check.ok) ? 0 : 1);
