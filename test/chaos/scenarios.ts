import type { Check } from './invariants.js';

/** A scenario must give clients a full successful cycle again within this long after its fault. */
export const RECOVERY_BOUND_MS = 30_000;

/** One answer a client got: the operation, and `OK`, payOrder's status, the error code, or NETWORK. */
export interface Heard {
  at: number;
  operation: 'createStuff' | 'buyStuff' | 'payOrder';
  code: string;
}

/** A fault injected at `faultAt`; its window runs until the next scenario starts. */
export interface Scenario {
  name: string;
  faultAt: number;
  endsAt?: number;
  /**
   * Recovery: from the fault until a probe cycle started after it — createStuff, buyStuff,
   * payOrder at once answered SUCCEEDED — has completed. Undefined: none did (or, for the
   * final SIGTERM, there is nothing to recover: `stoppedInMs` says how long stopping took).
   */
  recoveredInMs?: number;
  stoppedInMs?: number;
}

export interface ScenarioRow {
  scenario: string;
  answers: Record<string, number>;
  recoveredInMs?: number;
  stoppedInMs?: number;
}

/** What each scenario cost the clients: their answers in its window, by operation and code. */
export function scenarioRows(scenarios: Scenario[], heard: Heard[]): ScenarioRow[] {
  return scenarios.map((scenario) => {
    const answers: Record<string, number> = {};
    for (const answer of heard) {
      if (answer.at < scenario.faultAt || answer.at >= (scenario.endsAt ?? Infinity)) continue;
      const key = `${answer.operation} ${answer.code}`;
      answers[key] = (answers[key] ?? 0) + 1;
    }
    return {
      scenario: scenario.name,
      answers,
      recoveredInMs: scenario.recoveredInMs,
      stoppedInMs: scenario.stoppedInMs,
    };
  });
}

/** Every fault but the final stop must be recovered from within the bound. */
export function recoveryChecks(scenarios: Scenario[]): Check[] {
  return scenarios
    .filter((scenario) => scenario.stoppedInMs === undefined)
    .map((scenario) => ({
      invariant: `${scenario.name}: a full buy-and-pay succeeds again within ${RECOVERY_BOUND_MS / 1000} s`,
      ok: scenario.recoveredInMs !== undefined && scenario.recoveredInMs <= RECOVERY_BOUND_MS,
      detail: scenario.recoveredInMs === undefined ? 'never recovered' : `${seconds(scenario.recoveredInMs)}`,
    }));
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Errors first (they are what a fault costs); successes summed per operation after them. */
function formatAnswers(answers: Record<string, number>): string {
  const entries = Object.entries(answers).sort(([a, x], [b, y]) => {
    const okA = / (OK|SUCCEEDED)$/.test(a);
    const okB = / (OK|SUCCEEDED)$/.test(b);
    return okA === okB ? y - x : okA ? 1 : -1;
  });
  return entries.length === 0 ? 'none' : entries.map(([key, count]) => `${key} ${count}`).join(', ');
}

export function formatScenarios(rows: ScenarioRow[]): string {
  return [
    '| scenario | answers by operation and code | recovery time |',
    '| -------- | ----------------------------- | ------------- |',
    ...rows.map((row) => {
      const recovery =
        row.stoppedInMs !== undefined
          ? `stopped in ${seconds(row.stoppedInMs)}`
          : row.recoveredInMs === undefined
            ? 'NOT RECOVERED'
            : seconds(row.recoveredInMs);
      return `| ${row.scenario} | ${formatAnswers(row.answers)} | ${recovery} |`;
    }),
  ].join('\n');
}
