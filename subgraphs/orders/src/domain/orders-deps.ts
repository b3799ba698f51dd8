import type { Kysely } from 'kysely';
import type { NewsCheck, OutboxRelay, Subscribe } from '@stuffmart/common';
import type { LiveUpdates } from '../live/live-updates.js';
import type { OrdersDatabase } from '../data-access/orders-database.js';
import type { OrdersMetrics } from '../metrics/orders-metrics.js';

/** What the order use cases need, built once at start. */
export interface OrdersDeps {
  db: Kysely<OrdersDatabase>;
  /** Woken after a commit that wrote events, so they leave at once. */
  relay: Pick<OutboxRelay, 'wake'>;
  live: LiveUpdates;
  reservationWindowSeconds: number;
  /** Orders awaiting payment one buyer may hold at once. */
  maxActiveOrdersPerBuyer: number;
  /** How long BUY waits for catalog's news of a stuff listed a moment ago. */
  stuffArrivalTimeoutMs: number;
  /** Notices that a stuff's copy changed (in any replica), for the BUY waiting on its arrival. */
  stuffNews: (stuffId: string) => Subscribe;
  /** Whether catalog's news has all arrived: a missing stuff is then unknown, not late. */
  news: NewsCheck;
  metrics: OrdersMetrics;
}
