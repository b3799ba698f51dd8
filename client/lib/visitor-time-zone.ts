import { cookies } from 'next/headers';
import { knownTimeZone } from './format-date';

/** The cookie the browser sets to its own time zone (see TimeZoneCookie). */
export const TIME_ZONE_COOKIE = 'tz';

/** The visitor's time zone as their browser last told us, or UTC before it has. */
export async function visitorTimeZone(): Promise<string> {
  return knownTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value) ?? 'UTC';
}
