import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, retryPolicy } from './retry-policy.js';

describe("the stream consumer's retry policy", () => {
  it('retries a failing handler after 200 ms, then twice as long each time, and parks it at the last attempt', () => {
    expect([1, 2, 3, 4].map((failures) => retryPolicy('failed', failures, 5))).toEqual([
      { retryAfterMs: 200 },
      { retryAfterMs: 400 },
      { retryAfterMs: 800 },
      { retryAfterMs: 1600 },
    ]);
    expect(retryPolicy('failed', 5, 5)).toBe('dead-letter');
    expect(retryPolicy('failed', 1, 1)).toBe('dead-letter');
  });

  it('never waits longer than the cap between two tries of a failing handler', () => {
    expect(retryPolicy('failed', 6, 10)).toEqual({ retryAfterMs: BACKOFF_CAP_MS });
    expect(retryPolicy('failed', 9, 10)).toEqual({ retryAfterMs: BACKOFF_CAP_MS });
  });

  it('never parks an event waiting for its predecessor: 100 ms, doubling, up to the cap, however long', () => {
    expect([1, 2, 3, 6].map((waits) => retryPolicy('waiting', waits))).toEqual([
      { retryAfterMs: 100 },
      { retryAfterMs: 200 },
      { retryAfterMs: 400 },
      { retryAfterMs: 3200 },
    ]);
    expect(retryPolicy('waiting', 7)).toEqual({ retryAfterMs: BACKOFF_CAP_MS });
    expect(retryPolicy('waiting', 10_000)).toEqual({ retryAfterMs: BACKOFF_CAP_MS });
  });

  it('lets events wait out a database outage at the cap, never parking them', () => {
    expect(retryPolicy('database-away', 1)).toEqual({ retryAfterMs: BACKOFF_CAP_MS });
    expect(retryPolicy('database-away', 500)).toEqual({ retryAfterMs: BACKOFF_CAP_MS });
  });
});
