import { Counter, Gauge, type Registry } from 'prom-client';
import type { Database } from '../../db/open-database.js';

/** SQL statements run (benchmarks and tests read `stuffmart_sql_statements_total`) and the pool's use. */
export function registerDatabaseMetrics(registry: Registry, database: Database<unknown>): void {
  new Counter({
    name: 'stuffmart_sql_statements_total',
    help: 'SQL statements run through Kysely since start',
    registers: [registry],
    collect() {
      // The database keeps the count (it only grows); the counter shows it as it is now.
      this.reset();
      this.inc(database.statements());
    },
  });
  new Gauge({
    name: 'stuffmart_db_pool_connections',
    help: 'PostgreSQL pool connections by state: total (open), idle, waiting (requests queued for one)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, database.pool.totalCount);
      this.set({ state: 'idle' }, database.pool.idleCount);
      this.set({ state: 'waiting' }, database.pool.waitingCount);
    },
  });
}
