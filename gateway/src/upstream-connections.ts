import { INTERNAL_IDENTITY_TTL_SECONDS, type Logger } from '@stuffmart/common/runtime';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * A subgraph reads the voucher in connectionParams at every subscribe, and a voucher lives
 * INTERNAL_IDENTITY_TTL_SECONDS; the VoucherCache hands out one with at least half of that
 * left. A connection takes new subscriptions for a quarter of it, so the voucher it carries
 * is always still good when the subgraph checks it.
 */
const VOUCHER_REUSE_MS = (INTERNAL_IDENTITY_TTL_SECONDS * 1000) / 4;

interface Upstream {
  client: Client;
  /** When connectionParams (and so the voucher) were last sent; undefined until the first connect. */
  vouchedAt: number | undefined;
}

export interface UpstreamOptions {
  /** Subgraph name → its HTTP GraphQL URL; graphql-ws runs on the same path. */
  subgraphUrls: Record<string, string>;
  /** What the subgraph reads: the voucher for this client and the request id. */
  connectionParams: () => Record<string, string>;
  /** SUBGRAPH_TIMEOUT_MS: a subgraph that has not upgraded and acknowledged by then is lost. */
  timeoutMs: number;
  logger: Logger;
}

export function toWebSocketUrl(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * The graphql-ws connections one client connection has opened to subgraphs: one per subgraph,
 * opened at the first subscription (lazy) and closed when its last one ends. When the
 * newest has carried its voucher too long, the next subscription opens a fresh one; the old
 * one goes on serving what it holds and closes itself when that ends.
 */
export class UpstreamConnections {
  private readonly newest = new Map<string, Upstream>();
  private readonly open = new Set<Client>();
  private closed = false;
  // graphql-ws takes any WebSocket class (it types it unknown).
  private readonly webSocketImpl: unknown;

  constructor(private readonly options: UpstreamOptions) {
    // A subgraph that accepts the connection and never answers the upgrade would otherwise hold
    // the client's subscription forever; graphql-ws' own timeout starts only once it is open.
    const handshakeTimeout = options.timeoutMs;
    this.webSocketImpl = class extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols, { handshakeTimeout });
      }
    };
  }

  /** The connection a new subscription to `subgraph` goes on; none once closed. */
  for(subgraph: string): Client | undefined {
    const url = this.options.subgraphUrls[subgraph];
    if (this.closed || !url) return undefined;
    const newest = this.newest.get(subgraph);
    if (newest && (newest.vouchedAt === undefined || Date.now() - newest.vouchedAt < VOUCHER_REUSE_MS)) {
      return newest.client;
    }
    const upstream: Upstream = {
      vouchedAt: undefined,
      client: createClient({
        url: toWebSocketUrl(url),
        webSocketImpl: this.webSocketImpl,
        lazy: true,
        connectionAckWaitTimeout: this.options.timeoutMs,
        // A lost subgraph is the client's to hear of (SERVICE_UNAVAILABLE): it resubscribes when
        // it sees fit and gets the current state first, so nothing in between is missed.
        retryAttempts: 0,
        connectionParams: () => {
          upstream.vouchedAt = Date.now();
          return this.options.connectionParams();
        },
        on: {
          closed: () => {
            if (this.newest.get(subgraph) !== upstream) this.open.delete(upstream.client);
          },
          error: (error) =>
            this.options.logger.debug(
              { subgraph, err: error instanceof Error ? error.message : String(error) },
              'subgraph connection error',
            ),
        },
      }),
    };
    this.newest.set(subgraph, upstream);
    this.open.add(upstream.client);
    return upstream.client;
  }

  /** The client connection ended: every upstream connection of it closes. */
  async close(): Promise<void> {
    this.closed = true;
    const clients = [...this.open];
    this.open.clear();
    this.newest.clear();
    await Promise.all(clients.map((client) => client.dispose()));
  }
}
