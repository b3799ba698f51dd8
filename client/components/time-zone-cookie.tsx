'use client';

import { useEffect } from 'react';

/**
 * Tells the server the browser's time zone (a cookie, a year long), so that from the next page
 * on times are rendered in it on the server already, not first in UTC.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // IANA names are letters, digits and _/+-: all fine in a cookie as they are.
    if (!/^[A-Za-z0-9_/+-]{1,64}$/.test(zone) || document.cookie.split('; ').includes(`tz=${zone}`)) return;
    document.cookie = `tz=${zone}; path=/; max-age=31536000; samesite=lax`;
  }, []);
  return null;
}
