'use client';

import { useSyncExternalStore } from 'react';
import { describeTime } from '../lib/format-date';

const noChanges = () => () => undefined;

/** False on the server and while hydrating, true from then on: the one moment the text may change. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noChanges,
    () => true,
    () => false,
  );
}

/**
 * A time as the visitor reads it: relative ("3 hours ago"), the exact time in their own zone
 * in the tooltip. The server renders it for the zone it was told (the tz cookie) at the time
 * it rendered; hydration repeats exactly that, then the browser switches to its own clock and
 * zone, so there is never a hydration mismatch, only at most a corrected word.
 */
export function LocalTime({ iso, renderedAt, timeZone }: { iso: string; renderedAt: number; timeZone: string }) {
  const hydrated = useHydrated();
  const zone = hydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : timeZone;
  const { text, exact } = describeTime(iso, hydrated ? Date.now() : renderedAt, zone);
  return (
    <time dateTime={iso} title={exact}>
      {text}
    </time>
  );
}
