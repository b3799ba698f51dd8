import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { postGraphQL } from '@stuffmart/test-kit';
import { percentile, type Row } from './measure.js';
import type { BenchSystem } from './bench-system.js';

const TRIALS = 100;
const WARM_UP = 5;
const TIMEOUT_MS = 5000;
const WATCH = `subscription ($stuffId: ID!) { stuffAvailabilityChanged(stuffId: $stuffId) { availability } }`;
/** Fields of catalog and auth too: the gateway resolves them for each event (issue 13). */
const WATCH_FEDERATED = `subscription ($stuffId: ID!) {
  stuffAvailabilityChanged(stuffId: $stuffId) { availability stuff { title seller { displayName } } }
}`;

async function graphql(system: BenchSystem, query: string, variables: Record<string, unknown>, token?: string) {
  const { body } = await postGraphQL<any>(system.gatewayUrl, query, variables, token ? { token } : {});
  if (!body.data) throw new Error(`live-push bench: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function signUp(system: BenchSystem, name: string): Promise<string> {
  const data = await graphql(
    system,
    `
      mutation ($input: SignUpInput!) {
        signUp(input: $input) {
          accessToken
        }
      }
    `,
    {
      input: { email: `${name}-${Date.now()}@example.com`, password: 'benchmark password', displayName: name },
    },
  );
  return data.signUp.accessToken;
}

/** A signed-out watcher of one stuff; `next(x)` resolves with the time the next x arrives. */
class Watcher {
  private readonly client: Client;
  private waiting:
    { availability: string; resolve: (at: number) => void; reject: (error: unknown) => void } | undefined;

  constructor(graphqlUrl: string, stuffId: string, query = WATCH) {
    this.client = createClient({ url: graphqlUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    this.client.subscribe<any>(
      { query, variables: { stuffId } },
      {
        next: (result) => {
          const at = performance.now();
          const availability: string | undefined = result.data?.stuffAvailabilityChanged?.availability;
          if (!availability)
            return this.waiting?.reject(new Error(`live-push bench: ${JSON.stringify(result.errors)}`));
          const waiting = this.waiting;
          if (waiting?.availability === availability) waiting.resolve(at);
        },
        error: (error) => this.waiting?.reject(error),
        complete: () => this.waiting?.reject(new Error('live-push bench: the subscription ended')),
      },
    );
  }

  next(availability: string): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`live-push bench: no ${availability} within ${TIMEOUT_MS} ms`)),
        TIMEOUT_MS,
      );
      const settle = () => {
        clearTimeout(timer);
        this.waiting = undefined;
      };
      this.waiting = {
        availability,
        resolve: (at) => (settle(), resolve(at)),
        reject: (error) => (settle(), reject(error)),
      };
    });
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

/**
 * Issue 3: how long after `buyStuff` answers a watcher of the stuff has RESERVED, through the
 * gateway's WebSocket (orders → relay → Redis pub/sub → orders → gateway → client). When the
 * orders subgraph's URL is known, a second watcher subscribed to it directly shows what the
 * gateway's hop adds. Each trial cancels the order and waits for AVAILABLE before the next BUY.
 */
export async function livePushBench(system: BenchSystem): Promise<Row[]> {
  const seller = await signUp(system, 'bench-live-seller');
  const buyer = await signUp(system, 'bench-live-buyer');
  const created = await graphql(
    system,
    `
      mutation ($input: CreateStuffInput!) {
        createStuff(input: $input) {
          id
        }
      }
    `,
    { input: { title: 'Bench ticket', priceCents: 1000 } },
    seller,
  );
  const stuffId: string = created.createStuff.id;

  const viaGateway = new Watcher(system.gatewayUrl, stuffId);
  const federated = new Watcher(system.gatewayUrl, stuffId, WATCH_FEDERATED);
  const ordersUrl = system.subgraphUrls.orders;
  const direct = ordersUrl ? new Watcher(ordersUrl, stuffId) : undefined;
  const watchers = direct ? [viaGateway, federated, direct] : [viaGateway, federated];
  const all = (availability: string) => Promise.all(watchers.map((watcher) => watcher.next(availability)));

  const gatewayTimes: number[] = [];
  const federatedTimes: number[] = [];
  const directTimes: number[] = [];
  const fromRequest: number[] = [];
  let beforeAnswer = 0;
  try {
    // Subscribing sends the current state first.
    await all('AVAILABLE');
    for (let trial = 0; trial < WARM_UP + TRIALS; trial++) {
      const reserved = all('RESERVED');
      const sent = performance.now();
      const order = await graphql(
        system,
        `
          mutation ($stuffId: ID!) {
            buyStuff(stuffId: $stuffId) {
              id
            }
          }
        `,
        { stuffId },
        buyer,
      );
      const answered = performance.now();
      const [atGateway, atFederated, atOrders] = await reserved;
      if (trial >= WARM_UP) {
        // Pub/sub may beat the mutation's own answer to the client; that counts as no wait.
        if (atGateway! < answered) beforeAnswer++;
        gatewayTimes.push(Math.max(0, atGateway! - answered));
        fromRequest.push(atGateway! - sent);
        federatedTimes.push(Math.max(0, atFederated! - answered));
        if (atOrders !== undefined) directTimes.push(Math.max(0, atOrders - answered));
      }
      const available = all('AVAILABLE');
      await graphql(
        system,
        `
          mutation ($id: ID!) {
            cancelOrder(id: $id) {
              id
            }
          }
        `,
        { id: order.buyStuff.id },
        buyer,
      );
      await available;
    }
  } finally {
    await Promise.all(watchers.map((watcher) => watcher.close()));
  }

  const fmt = (values: number[]) => `${percentile(values, 50).toFixed(1)} / ${percentile(values, 95).toFixed(1)}`;
  const rows: Row[] = [
    {
      benchmark: `live push: buyStuff answered → gateway watcher has RESERVED, x${TRIALS} (target p95 < 50)`,
      figure: 'p50 / p95 ms',
      value: fmt(gatewayTimes),
    },
    {
      benchmark: `live push: buyStuff answered → gateway watcher of stuff { title seller { displayName } } has RESERVED, x${TRIALS} (target p95 < 50)`,
      figure: 'p50 / p95 ms',
      value: fmt(federatedTimes),
    },
    {
      benchmark: `live push: buyStuff sent → gateway watcher has RESERVED, x${TRIALS}`,
      figure: 'p50 / p95 ms',
      value: fmt(fromRequest),
    },
    {
      benchmark: 'live push: RESERVED reached the watcher before buyStuff answered',
      figure: 'trials',
      value: `${beforeAnswer} / ${TRIALS}`,
    },
  ];
  if (directTimes.length > 0) {
    rows.push({
      benchmark: `live push: buyStuff answered → watcher direct on orders has RESERVED, x${TRIALS}`,
      figure: 'p50 / p95 ms',
      value: fmt(directTimes),
    });
  }
  return rows;
}
