import { CustomError, Counter, Gauge, type Registry } from '@stuffmart/common';
import type pg from 'pg';

/**
 * What a BUY ended in: ORDERED, or the contract's error code (STUFF_RESERVED, STUFF_SOLD,
 * TOO_MANY_RESERVATIONS …). Codes are a closed list, so the label cannot grow without bound.
 */
export const buyOutcomes = new Counter({
  name: 'stuffmart_buy_total',
  help: 'BUY presses by outcome: ORDERED or the error code the buyer got',
  labelNames: ['outcome'],
  registers: [],
});

/** Orders cancelled because their window passed, by what noticed: the worker's timer or the sweep. */
export const expiries = new Counter({
  name: 'stuffmart_order_expiries_total',
  help: 'Orders cancelled at the end of their reservation window, by the timer or the sweep that found them',
  labelNames: ['by'],
  registers: [],
});

/** Counts a BUY's outcome as it leaves, whichever way it leaves. */
export async function countBuyOutcome<T>(buy: () => Promise<T>): Promise<T> {
  try {
    const order = await buy();
    buyOutcomes.inc({ outcome: 'ORDERED' });
    return order;
  } catch (error) {
    buyOutcomes.inc({ outcome: error instanceof CustomError ? error.code : 'INTERNAL_SERVER_ERROR' });
    throw error;
  }
}

/**
 * Registers the orders metrics with the service's registry. Reservations held are counted at
 * scrape time through the pool, not Kysely, so a scrape never moves sql_statements_total.
 */
export function registerOrdersMetrics(registry: Registry, pool: pg.Pool): void {
  registry.registerMetric(buyOutcomes);
  registry.registerMetric(expiries);
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
}
