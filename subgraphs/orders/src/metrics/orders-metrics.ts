import { CustomError, Counter, Gauge, type Registry } from '@stuffmart/common';
import type pg from 'pg';

/** The counters orders moves itself; one set per running service, in its own registry. */
export interface OrdersMetrics {
  /** What a BUY ended in: ORDERED, or the contract's error code (a closed list, so a bounded label). */
  buyOutcomes: Counter<'outcome'>;
  /** Orders cancelled because their window passed, by what noticed: the worker's timer or the sweep. */
  expiries: Counter<'by'>;
}

/**
 * The orders metrics, in the service's registry. Reservations held are counted at scrape time
 * through the pool, not Kysely, so a scrape never moves sql_statements_total.
 */
export function createOrdersMetrics(registry: Registry, pool: pg.Pool): OrdersMetrics {
  new Gauge({
    name: 'stuffmart_reservations_held',
    help: 'Orders awaiting payment: stuff reserved for a buyer right now',
    registers: [registry],
    async collect() {
      // A database that does not answer leaves the series out; the rest of the scrape stands.
      try {
        const { rows } = await pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM orders WHERE status = 'AWAITING_PAYMENT'",
        );
        this.set(rows[0]?.n ?? 0);
      } catch {
        this.reset();
      }
    },
  });
  return {
    buyOutcomes: new Counter({
      name: 'stuffmart_buy_total',
      help: 'BUY presses by outcome: ORDERED or the error code the buyer got',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    expiries: new Counter({
      name: 'stuffmart_order_expiries_total',
      help: 'Orders cancelled at the end of their reservation window, by the timer or the sweep that found them',
      labelNames: ['by'],
      registers: [registry],
    }),
  };
}

/** Counts a BUY's outcome as it leaves, whichever way it leaves. */
export async function countBuyOutcome<T>(metrics: OrdersMetrics, buy: () => Promise<T>): Promise<T> {
  try {
    const order = await buy();
    metrics.buyOutcomes.inc({ outcome: 'ORDERED' });
    return order;
  } catch (error) {
    metrics.buyOutcomes.inc({ outcome: error instanceof CustomError ? error.code : 'INTERNAL_SERVER_ERROR' });
    throw error;
  }
}
