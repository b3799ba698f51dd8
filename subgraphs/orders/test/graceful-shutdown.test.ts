import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropNamespace, postGraphQL, testEnv } from '@stuffmart/test-kit';
import { launchServices } from '../../../scripts/launch.js';

const base = 21000 + Math.floor(Math.random() * 400) * 10;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...testEnv({ SHUTDOWN_GRACE_MS: '1000' }),
  GATEWAY_PORT: String(base),
  AUTH_PORT: String(base + 1),
  CATALOG_PORT: String(base + 2),
  ORDERS_PORT: String(base + 3),
  PAYMENTS_PORT: String(base + 4),
  EXPIRATION_PORT: String(base + 5),
  SUBGRAPH_URLS: ['auth', 'catalog', 'orders', 'payments']
    .map((name, i) => `${name}=http://127.0.0.1:${base + 1 + i}/graphql`)
    .join(','),
};
const url = `http://127.0.0.1:${base}/graphql`;

afterAll(() => dropNamespace(env.DATABASE_URL!, env.REDIS_URL!, env.STUFFMART_NAMESPACE!));

async function user(name: string) {
  const { body } = await postGraphQL<any>(
    url,
    `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }`,
    {
      input: {
        email: `${name}-${randomBytes(4).toString('hex')}@example.com`,
        password: 'correct horse battery',
        displayName: name,
      },
    },
  );
  return body.data.signUp.accessToken as string;
}

describe('stopping the system', () => {
  it('SIGTERM during 20 in-flight buys answers every one, loses no order or event, and exits within 10 s', async () => {
    const launched = await launchServices(env, { without: ['client'] });
    let stopped = false;
    try {
      const seller = await user('seller');
      const buyers = await Promise.all(Array.from({ length: 20 }, (_, i) => user(`buyer${i}`)));
      const stuffIds = await Promise.all(
        buyers.map(async () => {
          const { body } = await postGraphQL<any>(
            url,
            `mutation { createStuff(input: { title: "Lamp", priceCents: 900 }) { id } }`,
            {},
            { token: seller },
          );
          return body.data.createStuff.id as string;
        }),
      );
      const buys = buyers.map((token, i) =>
        postGraphQL<any>(url, `mutation ($id: ID!) { buyStuff(stuffId: $id) { id } }`, { id: stuffIds[i] }, { token }),
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      const stopping = performance.now();
      const [answers] = await Promise.all([Promise.all(buys), launched.stop()]);
      stopped = true;
      const took = performance.now() - stopping;
      expect(took).toBeLessThan(10_000);
      const orderIds = answers.map((answer) => answer.body.data?.buyStuff?.id);
      expect(orderIds.filter(Boolean)).toHaveLength(20);

      const client = new pg.Client({
        connectionString: `postgres://postgres@127.0.0.1:5432/${env.STUFFMART_NAMESPACE}_orders`,
      });
      await client.connect();
      try {
        const orders = await client.query('SELECT count(*)::int AS n FROM orders WHERE id = ANY($1::uuid[])', [
          orderIds,
        ]);
        expect(orders.rows[0].n).toBe(20);
        const events = await client.query(
          `SELECT count(*)::int AS n FROM outbox WHERE event->>'type' = 'order.created'`,
        );
        expect(events.rows[0].n).toBe(20);
      } finally {
        await client.end();
      }
    } finally {
      if (!stopped) await launched.stop();
    }
  }, 120_000);
});
