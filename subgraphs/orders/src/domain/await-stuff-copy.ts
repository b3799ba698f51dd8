import { setTimeout as sleep } from 'node:timers/promises';
import { NotFoundError, isUuid } from '@stuffmart/common';
import { findStuffCopy } from '../data-access/stuff-copies.js';
import type { StuffCopy } from '../data-access/orders-database.js';
import type { OrdersDeps } from './orders-deps.js';

/**
 * Orders learns of a new stuff from catalog's event, usually within milliseconds. A BUY that
 * comes even sooner waits a moment for that news rather than calling the stuff unknown.
 */
export async function awaitStuffCopy(deps: OrdersDeps, stuffId: string): Promise<StuffCopy> {
  if (!isUuid(stuffId)) throw new NotFoundError('Stuff');
  const deadline = Date.now() + deps.stuffArrivalTimeoutMs;
  for (;;) {
    const stuff = await findStuffCopy(deps.db, stuffId);
    if (stuff) return stuff;
    if (Date.now() >= deadline) throw new NotFoundError('Stuff');
    await sleep(50);
  }
}
