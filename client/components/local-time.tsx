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

interface LocalTimeProps {
  iso: string;
  /** When the server rendered the page (Date.now() there): hydration reads the same words. */
  renderedAt: number;
  /** The zone the server rendered in (visitorTimeZone()). */
  timeZone: string;
  /** The exact time ("29 Nov 2026, 20:15 CET") instead of a relative one, for a deadline. */
  exact?: boolean;
}

/**
 * A time as the visitor reads it: relative ("3 hours ago"), the exact time in their own zone
 * in the tooltip. The server renders it for the zone it was told (the tz cookie) at the time
 * it rendered; hydration repeats exactly that, then the browser switches to its own clock and
 * zone, so there is never a hydration mismatch, only at most a corrected word.
 */
export function LocalTime({ iso, renderedAt, timeZone, exact = false }: LocalTimeProps) {
  const hydrated = useHydrated();
  const zone = hydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : timeZone;
  const described = describeTime(iso, hydrated ? Date.now() : renderedAt, zone);
  if (exact) return <time dateTime={iso}>{described.exact}</time>;
  return (
    <time dateTime={iso} title={described.exact}>
      {described.text}
    </time>
  );
}
