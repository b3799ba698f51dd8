import { afterEach, describe, expect, it, vi } from 'vitest';
import { Notifications } from './notifications.js';
import { waitFor } from './wait-for.js';

/** Runs every timer due within `ms` and every promise they settle. */
const pass = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/** Follows a promise without awaiting it, so a test can say whether it has settled yet. */
function follow<T>(promise: Promise<T>): { settled: boolean; value?: T; error?: unknown } {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

describe('waitFor', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers at once when the first look finds the condition, subscribing nothing that outlives it', async () => {
    const notifications = new Notifications();
    const check = vi.fn(async () => 'there');
    expect(await waitFor({ check, on: notifications.on('topic'), timeoutMs: 1000 })).toBe('there');
    expect(check).toHaveBeenCalledTimes(1);
    // Nobody listens any more: a later notice reaches no look.
    notifications.notify('topic');
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('looks again on each notice, and only then: no look on a timer', async () => {
    vi.useFakeTimers();
    const notifications = new Notifications();
    let state: string | undefined = undefined;
    const check = vi.fn(async () => state);
    const wait = follow(waitFor({ check, on: notifications.on('order-1'), timeoutMs: 10_000 }));
    await pass(5000);
    expect(check).toHaveBeenCalledTimes(1);
    notifications.notify('order-2');
    await pass(0);
    expect(check).toHaveBeenCalledTimes(1);
    notifications.notify('order-1');
    await pass(0);
    expect(check).toHaveBeenCalledTimes(2);
    expect(wait.settled).toBe(false);
    state = 'held';
    notifications.notify('order-1');
    await pass(0);
    expect(wait).toEqual({ settled: true, value: 'held' });
    expect(check).toHaveBeenCalledTimes(3);
  });

  it('never misses a notice that comes while a look is under way (the change the look did not see)', async () => {
    vi.useFakeTimers();
    const notifications = new Notifications();
    let state: string | undefined = undefined;
    const check = vi.fn(async () => {
      const seen = state;
      // The change lands, and its notice is sent, after this look has read and before it answers.
      if (check.mock.calls.length === 1) {
        state = 'complete';
        notifications.notify('order-1');
      }
      await Promise.resolve();
      return seen;
    });
    const wait = follow(waitFor({ check, on: notifications.on('order-1'), timeoutMs: 10_000 }));
    await pass(0);
    expect(wait).toEqual({ settled: true, value: 'complete' });
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('folds notices that come during one look into one more look', async () => {
    vi.useFakeTimers();
    const notifications = new Notifications();
    let looks = 0;
    const check = vi.fn(async () => {
      looks += 1;
      if (looks === 1) for (let i = 0; i < 5; i++) notifications.notify('t');
      await Promise.resolve();
      return looks === 2 ? undefined : looks === 3 ? 'done' : undefined;
    });
    const wait = follow(waitFor({ check, on: notifications.on('t'), timeoutMs: 10_000 }));
    await pass(0);
    expect(check).toHaveBeenCalledTimes(2);
    expect(wait.settled).toBe(false);
    notifications.notify('t');
    await pass(0);
    expect(wait).toEqual({ settled: true, value: 'done' });
  });

  it('wakes on any of several sources', async () => {
    vi.useFakeTimers();
    const notifications = new Notifications();
    let state: string | undefined = undefined;
    const wait = follow(
      waitFor({
        check: async () => state,
        on: [notifications.on('copy'), notifications.on('relay')],
        timeoutMs: 10_000,
      }),
    );
    await pass(0);
    state = 'arrived';
    notifications.notify('relay');
    await pass(0);
    expect(wait).toEqual({ settled: true, value: 'arrived' });
  });

  it('gives up at the deadline with undefined, after one last look', async () => {
    vi.useFakeTimers();
    const notifications = new Notifications();
    const check = vi.fn(async () => undefined);
    const wait = follow(waitFor({ check, on: notifications.on('t'), timeoutMs: 3000 }));
    await pass(2999);
    expect(wait.settled).toBe(false);
    await pass(1);
    expect(wait).toEqual({ settled: true, value: undefined });
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('answers what the last look at the deadline finds (a lost notice costs time, not the answer)', async () => {
    vi.useFakeTimers();
    const notifications = new Notifications();
    let state: string | undefined = undefined;
    const wait = follow(waitFor({ check: async () => state, on: notifications.on('t'), timeoutMs: 3000 }));
    await pass(1000);
    state = 'complete'; // and its notice never comes
    await pass(2000);
    expect(wait).toEqual({ settled: true, value: 'complete' });
  });

  it('ends with the error of a look that throws, and unsubscribes', async () => {
    const notifications = new Notifications();
    const failure = new Error('database away');
    let subscribed = 0;
    const on = (listener: () => void) => {
      subscribed += 1;
      const unsubscribe = notifications.on('t')(listener);
      return () => {
        subscribed -= 1;
        unsubscribe();
      };
    };
    await expect(waitFor({ check: () => Promise.reject(failure), on, timeoutMs: 1000 })).rejects.toBe(failure);
    expect(subscribed).toBe(0);
  });
});

describe('Notifications', () => {
  it('reaches the listeners of a topic, each subscription once, until it unsubscribes', () => {
    const notifications = new Notifications();
    const heard: string[] = [];
    const listener = () => heard.push('a');
    const first = notifications.on('order-1')(listener);
    const second = notifications.on('order-1')(listener);
    notifications.on('order-2')(() => heard.push('b'));
    notifications.notify('order-1');
    expect(heard).toEqual(['a', 'a']);
    first();
    notifications.notify('order-1');
    expect(heard).toEqual(['a', 'a', 'a']);
    second();
    notifications.notify('order-1');
    expect(heard).toEqual(['a', 'a', 'a']);
  });

  it('wakes every waiter after a gap in hearing', () => {
    const notifications = new Notifications();
    const heard: string[] = [];
    notifications.on('x')(() => heard.push('x'));
    notifications.on('y')(() => heard.push('y'));
    notifications.notifyAll();
    expect(heard.sort()).toEqual(['x', 'y']);
  });
});
