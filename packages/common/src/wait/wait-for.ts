import type { Subscribe } from './notifications.js';

export interface WaitForOptions<T> {
  /** One look: a value once the condition holds, undefined while it does not. */
  check: () => Promise<T | undefined>;
  /** What may make the condition hold: each notice is followed by a look. */
  on: Subscribe | readonly Subscribe[];
  timeoutMs: number;
}

/**
 * Waits for a condition by notification, never on a timer: it looks once, then again after
 * each notice, until a look finds something or `timeoutMs` has passed (then undefined, after
 * one last look, so a notice lost with a dropped connection costs time, not a wrong answer).
 * It subscribes before its first look, and a notice that comes while a look is under way makes
 * it look once more: a change between a look and the wait is never missed. Notices during one
 * look are folded into the next one. A look that throws ends the wait with its error.
 */
export async function waitFor<T>({ check, on, timeoutMs }: WaitForOptions<T>): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  let noticed = false;
  let wake: (() => void) | undefined;
  const subscriptions = (typeof on === 'function' ? [on] : on).map((subscribe) =>
    subscribe(() => {
      noticed = true;
      wake?.();
    }),
  );
  try {
    for (;;) {
      noticed = false;
      const found = await check();
      if (found !== undefined) return found;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return undefined;
      // From here to the promise below runs without a pause: a notice either came during the
      // look (noticed) or finds `wake` set.
      if (!noticed) await until(remaining, (resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    for (const unsubscribe of subscriptions) unsubscribe();
  }
}

/** Resolves after `ms`, or sooner when the function handed to `expose` is called. */
function until(ms: number, expose: (resolve: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    expose(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
