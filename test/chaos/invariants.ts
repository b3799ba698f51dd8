import pg from 'pg';
import { Redis } from 'ioredis';

export interface Answer {
  orderId: string;
  /** payOrder's status, or its error code, or NETWORK when no answer came. */
  outcome: string;
}

export interface Check {
  invariant: string;
  ok: boolean;
  detail: string;
}

function databaseUrl(serverUrl: string, namespace: string, subgraph: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${namespace}_${subgraph}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

function check(invariant: string, problems: string[], counted: string): Check {
  return {
    invariant,
    ok: problems.length === 0,
    detail: problems.length === 0 ? counted : problems.slice(0, 3).join('; '),
  };
}

/** What must hold once the system has settled, read from the databases, Redis and the answers given. */
export async function checkInvariants(options: {
  databaseUrl: string;
  redisUrl: string;
  namespace: string;
  answers: Answer[];
}): Promise<Check[]> {
  const { namespace, answers } = options;
  const db = (subgraph: string) => databaseUrl(options.databaseUrl, namespace, subgraph);
  const orders = await query<{
    id: string;
    stuff_id: string;
    status: string;
    expires_at: Date;
    held_until: Date | null;
  }>(db('orders'), 'SELECT id, stuff_id, status, expires_at, held_until FROM orders');
  const payments = await query<{ order_id: string; id: string; refunded: boolean }>(
    db('payments'),
    `SELECT p.order_id, p.id, EXISTS (SELECT 1 FROM refund_requests r WHERE r.payment_id = p.id) AS refunded
     FROM payments p WHERE p.status = 'SUCCEEDED'`,
  );
  const copies = await query<{ id: string; status: string }>(db('payments'), 'SELECT id, status FROM order_copies');
  const stuffs = await query<{ id: string; availability: string }>(
    db('catalog'),
    'SELECT id, availability FROM stuffs',
  );
  const byOrder = new Map(orders.map((order) => [order.id, order]));
  const kept = new Map<string, number>();
  for (const payment of payments)
    if (!payment.refunded) kept.set(payment.order_id, (kept.get(payment.order_id) ?? 0) + 1);
  const checks: Check[] = [];

  const succeeded = answers.filter((answer) => answer.outcome === 'SUCCEEDED');
  checks.push(
    check(
      'payOrder said SUCCEEDED only of orders that are COMPLETE',
      succeeded
        .filter((a) => byOrder.get(a.orderId)?.status !== 'COMPLETE')
        .map((a) => `${a.orderId} is ${byOrder.get(a.orderId)?.status}`),
      `${succeeded.length} answers`,
    ),
  );
  checks.push(
    check(
      'every COMPLETE order has exactly one payment kept, every other order none',
      orders
        .filter((order) => (kept.get(order.id) ?? 0) !== (order.status === 'COMPLETE' ? 1 : 0))
        .map((order) => `${order.id} ${order.status} with ${kept.get(order.id) ?? 0} kept`),
      `${orders.length} orders, ${orders.filter((o) => o.status === 'COMPLETE').length} complete`,
    ),
  );
  checks.push(
    check(
      "payments' copy of every order says what orders says",
      orders
        .filter((order) => copies.find((copy) => copy.id === order.id)?.status !== order.status)
        .map((order) => `${order.id}: ${order.status} vs ${copies.find((copy) => copy.id === order.id)?.status}`),
      `${copies.length} copies`,
    ),
  );
  const expected = (stuffId: string) => {
    const active = orders.find((o) => o.stuff_id === stuffId && o.status !== 'CANCELLED');
    return active?.status === 'COMPLETE' ? 'SOLD' : active ? 'RESERVED' : 'AVAILABLE';
  };
  checks.push(
    check(
      "catalog's availability of every stuff follows its orders",
      stuffs
        .filter((stuff) => stuff.availability !== expected(stuff.id))
        .map((s) => `${s.id}: ${s.availability} vs ${expected(s.id)}`),
      `${stuffs.length} stuffs`,
    ),
  );
  const now = Date.now();
  checks.push(
    check(
      'no order awaits payment past its expiry and hold (+2 s)',
      orders
        .filter((o) => o.status === 'AWAITING_PAYMENT')
        .filter((o) => Math.max(o.expires_at.getTime(), o.held_until?.getTime() ?? 0) + 2000 < now)
        .map((o) => o.id),
      `${orders.filter((o) => o.status === 'AWAITING_PAYMENT').length} still awaiting`,
    ),
  );

  const redis = new Redis(options.redisUrl);
  try {
    const problems: string[] = [];
    let groups = 0;
    for (const stream of ['catalog', 'orders', 'payments', 'expiration']) {
      const key = `${namespace}:events:${stream}`;
      if (!(await redis.exists(key))) continue;
      for (const info of (await redis.xinfo('GROUPS', key)) as unknown[][]) {
        groups += 1;
        const pending = info[info.indexOf('pending') + 1];
        if (pending !== 0)
          problems.push(`${stream}/${String(info[info.indexOf('name') + 1])}: ${String(pending)} pending`);
      }
      const dead = await redis.xlen(`${key}:dead`);
      if (dead > 0) problems.push(`${stream}: ${dead} dead-lettered`);
    }
    checks.push(check('every event applied: nothing pending, nothing dead-lettered', problems, `${groups} groups`));
  } finally {
    redis.disconnect();
  }
  return checks;
}
