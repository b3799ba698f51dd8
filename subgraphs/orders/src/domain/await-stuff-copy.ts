import { awaitLocalCopy, isUuid, NotFoundError } from '@stuffmart/common';
import { STREAMS } from '@stuffmart/contract/events';
import { findStuffOnSale, type StuffOnSale } from '../data-access/stuff-copies.js';
import type { OrdersDeps } from './orders-deps.js';

/**
 * Orders learns of a new stuff from catalog's event, usually within milliseconds. A BUY that
 * comes even sooner waits a moment for that news; a stuff is unknown only once catalog's news
 * is known to have arrived without it (SERVICE_UNAVAILABLE while that cannot be known).
 */
export async function awaitStuffCopy(deps: OrdersDeps, stuffId: string): Promise<StuffOnSale> {
  if (!isUuid(stuffId)) throw new NotFoundError('Stuff');
  return awaitLocalCopy({
    find: () => findStuffOnSale(deps.db, stuffId),
    changes: deps.stuffNews(stuffId),
    news: deps.news,
    publisher: STREAMS.catalog,
    thing: 'Stuff',
    timeoutMs: deps.stuffArrivalTimeoutMs,
  });
}
