import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, listStuff, signUpActor } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../system/index.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

async function scrape(service: string): Promise<string> {
  const url = system.metricsUrls[service];
  if (!url) throw new Error(`${service} serves no metrics`);
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one series, matched by name and every label given; 0 when absent. */
function valueOf(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const given = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => given[key] === value)) return Number(match[3]);
  }
  return 0;
}

const BUY = `mutation ($stuffId: ID!) { buyStuff(stuffId: $stuffId) { id } }`;

describe('Prometheus metrics on every process', () => {
  it('serves each process its own /metrics on a port apart from its public one', () => {
    expect(Object.keys(system.metricsUrls).sort()).toEqual(
      ['auth', 'catalog', 'expiration', 'gateway', 'orders', 'payments'].sort(),
    );
    expect(new URL(system.metricsUrls.gateway!).port).not.toBe(new URL(system.url).port);
  });

  it('after a BUY and a losing BUY, the counters of the gateway, orders, the bus and the worker move', async () => {
    const seller = await signUpActor(system, 'seller');
    const buyer = await signUpActor(system, 'buyer');
    const rival = await signUpActor(system, 'rival');
    const stuffId = await listStuff(system, seller);

    const before = {
      gateway: await scrape('gateway'),
      orders: await scrape('orders'),
    };
    const won = await system.graphql<any>(BUY, { stuffId }, { token: buyer.token });
    expect(won.body.errors).toBeUndefined();
    const lost = await system.graphql<any>(BUY, { stuffId }, { token: rival.token });
    expect(lost.body.errors?.[0]?.extensions?.code).toBe('STUFF_RESERVED');

    const gateway = await scrape('gateway');
    const op = { operation: 'mutation.buyStuff' };
    expect(valueOf(gateway, 'stuffmart_graphql_requests_total', { ...op, outcome: 'ok' })).toBe(
      valueOf(before.gateway, 'stuffmart_graphql_requests_total', { ...op, outcome: 'ok' }) + 1,
    );
    expect(valueOf(gateway, 'stuffmart_graphql_errors_total', { ...op, code: 'STUFF_RESERVED' })).toBe(1);
    expect(valueOf(gateway, 'stuffmart_graphql_request_duration_seconds_count', op)).toBeGreaterThanOrEqual(2);

    const orders = await scrape('orders');
    expect(valueOf(orders, 'stuffmart_buy_total', { outcome: 'ORDERED' })).toBe(
      valueOf(before.orders, 'stuffmart_buy_total', { outcome: 'ORDERED' }) + 1,
    );
    expect(valueOf(orders, 'stuffmart_buy_total', { outcome: 'STUFF_RESERVED' })).toBe(1);
    expect(valueOf(orders, 'stuffmart_reservations_held', { service: 'orders' })).toBe(1);
    expect(valueOf(orders, 'stuffmart_sql_statements_total')).toBeGreaterThan(
      valueOf(before.orders, 'stuffmart_sql_statements_total'),
    );
    expect(valueOf(orders, 'stuffmart_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);

    // The order's event reaches every group reading the orders stream: nothing left to deliver.
    await eventually(async () => {
      const text = await scrape('orders');
      const groups = ['catalog', 'payments', 'expiration', 'orders'];
      const caughtUp = groups.every(
        (group) =>
          text.includes(`stuffmart_events_consumer_lag{stream="orders",group="${group}"`) &&
          valueOf(text, 'stuffmart_events_consumer_lag', { stream: 'orders', group }) === 0,
      );
      return caughtUp && valueOf(text, 'stuffmart_outbox_backlog') === 0 ? true : undefined;
    });
    expect(valueOf(orders, 'stuffmart_events_dead_letters', { stream: 'orders' })).toBe(0);
    // Catalog handled order.created (it marks the stuff reserved).
    expect(
      valueOf(await scrape('catalog'), 'stuffmart_events_handled_total', { stream: 'orders', outcome: 'done' }),
    ).toBeGreaterThanOrEqual(1);

    // The worker scheduled the order's expiry, and counts the order.created it handled.
    await eventually(async () =>
      valueOf(await scrape('expiration'), 'stuffmart_expiration_jobs', { state: 'delayed' }) >= 1 ? true : undefined,
    );
    expect(
      valueOf(await scrape('expiration'), 'stuffmart_events_handled_total', { stream: 'orders', outcome: 'done' }),
    ).toBeGreaterThanOrEqual(1);

    for (const service of ['auth', 'catalog', 'payments']) {
      expect(valueOf(await scrape(service), 'stuffmart_process_cpu_user_seconds_total'), service).toBeGreaterThan(0);
    }
  });
});

/** The metric names the checked-in Grafana dashboard charts (monitoring/grafana/dashboards). */
function dashboardMetrics(): string[] {
  const dashboard = JSON.parse(
    readFileSync(new URL('../../monitoring/grafana/dashboards/stuffmart.json', import.meta.url), 'utf8'),
  ) as { panels: Array<{ targets?: Array<{ expr: string }> }> };
  const exprs = dashboard.panels.flatMap((panel) => panel.targets ?? []).map((target) => target.expr);
  return [...new Set(exprs.flatMap((expr) => expr.match(/stuffmart_\w+/g) ?? []))];
}

describe('the Grafana dashboard', () => {
  it('charts only metrics some process serves', async () => {
    const served = new Set<string>();
    for (const service of Object.keys(system.metricsUrls)) {
      for (const match of (await scrape(service)).matchAll(/^# TYPE (\w+) (\w+)$/gm)) {
        const [, name = '', type] = match;
        served.add(name);
        if (type === 'histogram') for (const suffix of ['_bucket', '_count', '_sum']) served.add(name + suffix);
      }
    }
    const charted = dashboardMetrics();
    expect(charted.length).toBeGreaterThan(0);
    for (const name of charted) expect(served, name).toContain(name);
  });
});

describe('expiry metrics', () => {
  let short: TestSystem;
  beforeAll(async () => {
    short = await startTestSystem({ RESERVATION_WINDOW_SECONDS: '1' });
  });
  afterAll(() => short?.close());

  it('counts an order that expires, and it no longer counts as held', async () => {
    const seller = await signUpActor(short, 'seller');
    const buyer = await signUpActor(short, 'buyer');
    const stuffId = await listStuff(short, seller);
    const { body } = await short.graphql<any>(BUY, { stuffId }, { token: buyer.token });
    expect(body.errors).toBeUndefined();
    const scrapeOrders = async () => (await fetch(short.metricsUrls.orders!)).text();
    const expired = await eventually(
      async () => {
        const text = await scrapeOrders();
        const count =
          valueOf(text, 'stuffmart_order_expiries_total', { by: 'timer' }) +
          valueOf(text, 'stuffmart_order_expiries_total', { by: 'sweep' });
        return count === 1 ? text : undefined;
      },
      10_000,
      'the expiry counted',
    );
    expect(valueOf(expired, 'stuffmart_reservations_held')).toBe(0);
    expect(valueOf(expired, 'stuffmart_buy_total', { outcome: 'ORDERED' })).toBe(1);
  });
});
