/**
 * Why an entry was not done:
 * - `failed`: its handler threw (a bug, or data the handler cannot take): retried with a
 *   growing backoff, then parked on the dead-letter stream;
 * - `waiting`: its subject's earlier versions have not arrived: retried, never parked, since
 *   dropping it would lose the change;
 * - `database-away`: our database is unreachable, which says nothing about the event: it waits
 *   at the longest pause and is never parked, however long the outage.
 */
export type Setback = 'failed' | 'waiting' | 'database-away';

export interface Retry {
  retryAfterMs: number;
}

export type RetryDecision = Retry | 'dead-letter';

/** The longest pause between two tries of one entry. */
export const BACKOFF_CAP_MS = 5000;

/**
 * When to try an entry again after its `count`-th setback of this kind (1 for the first):
 * 200 ms, 400 ms … after failures (parked at the `maxAttempts`-th), 100 ms, 200 ms … while
 * waiting, each at most BACKOFF_CAP_MS.
 */
export function retryPolicy(setback: 'failed', count: number, maxAttempts: number): RetryDecision;
export function retryPolicy(setback: 'waiting' | 'database-away', count: number): Retry;
export function retryPolicy(setback: Setback, count: number, maxAttempts = Infinity): RetryDecision {
  switch (setback) {
    case 'failed':
      if (count >= maxAttempts) return 'dead-letter';
      return { retryAfterMs: Math.min(BACKOFF_CAP_MS, 100 * 2 ** count) };
    case 'waiting':
      return { retryAfterMs: Math.min(BACKOFF_CAP_MS, 50 * 2 ** Math.min(count, 7)) };
    case 'database-away':
      return { retryAfterMs: BACKOFF_CAP_MS };
  }
}
