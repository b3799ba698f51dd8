/** A time zone the runtime knows (an IANA name such as Europe/Paris), or null. */
export function knownTimeZone(zone: string | undefined | null): string | null {
  if (!zone || zone.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Day, month, year, hour and minute in that zone, the zone named: "29 Nov 2026, 20:15 CET". */
export function formatDate(iso: string, timeZone = 'UTC'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
];
const WEEK_SECONDS = 7 * 24 * 60 * 60;

/**
 * How a time reads beside `now`: "just now", "5 minutes ago", "in 3 hours", "yesterday"; a
 * week or more away, the date itself. `exact` is the full time in the zone, for a tooltip.
 */
export function describeTime(iso: string, now: number, timeZone = 'UTC'): { text: string; exact: string } {
  const exact = formatDate(iso, timeZone);
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return { text: iso, exact };
  const seconds = Math.round((time - now) / 1000);
  const away = Math.abs(seconds);
  if (away < 45) return { text: seconds <= 0 ? 'just now' : 'in a moment', exact };
  if (away >= WEEK_SECONDS) return { text: exact, exact };
  const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  let unit: Intl.RelativeTimeFormatUnit = 'minute';
  let size = 60;
  for (const [name, unitSeconds] of UNITS) {
    if (away >= unitSeconds) [unit, size] = [name, unitSeconds];
  }
  return { text: relative.format(Math.round(seconds / size), unit), exact };
}
