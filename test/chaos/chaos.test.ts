import { describe, expect, it } from 'vitest';
import { formatReport, runChaos } from './run-chaos.js';

describe('the system under faults (short chaos run)', () => {
  it('keeps every promise of a sale when orders and payments are SIGKILLed while buyers pay, and stops without leftovers', async () => {
    const report = await runChaos({
      buyers: 3,
      kill: ['orders', 'payments'],
      killPauseMs: 3000,
      restartRedis: false,
      cutDatabaseMs: 0,
      log: () => undefined,
    });
    const failed = report.checks.filter((check) => !check.ok);
    expect(failed, formatReport(report)).toEqual([]);
    expect(report.orders).toBeGreaterThan(0);
  }, 240_000);
});
