'use client';

import { useLinkStatus } from 'next/link';

/**
 * Put inside a Link: public pages render whole on the server (so crawlers get everything
 * and a missing page answers 404), so while one is on its way the link itself says so.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span className="link-pending" role="status">
      {' '}
      (loading…)
    </span>
  ) : null;
}
