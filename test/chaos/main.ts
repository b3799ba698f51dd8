/**
 * `npm run chaos`: the fault-injection run (see run-chaos.ts). Prints what each fault cost the
 * clients (answers by code, recovery time) and a table of what held, and exits 1 when an
 * invariant broke or a fault was not recovered from within 30 s.
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
