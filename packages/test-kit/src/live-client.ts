import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import WebSocket from 'ws';
import { eventually } from './actors.js';
import type { GraphQLEndpoint } from './graphql-client.js';

/** What one subscription has received so far. */
export interface Watch {
  results: any[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL results are read loosely in tests
  /** What graphql-ws handed to sink.error, if anything. */
  failure: unknown;
  completed: boolean;
  stop(): void;
  /** The first result (from index `from` on) that `matches`, waiting for it if need be. */
  until(matches: (result: any) => boolean, what: string, from?: number): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const open: Client[] = [];

/**
 * A graphql-ws connection to the gateway as a browser or app would open it: signed in by
 * connectionParams, by the session cookie of the upgrade request, or not at all.
 */
export function connectLive(
  system: Pick<GraphQLEndpoint, 'url'>,
  auth: { token?: string; cookie?: string } & Partial<ClientOptions> = {},
): Client {
  const { token, cookie, ...options } = auth;
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie: cookie ?? '' } });
    }
  }
  const client = createClient({
    url: system.url.replace(/^http/, 'ws'),
    webSocketImpl: cookie ? CookieWebSocket : WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
    retryAttempts: 0,
    ...options,
  });
  open.push(client);
  return client;
}

/** Closes every connection opened by connectLive; call it after each test. */
export async function disposeLiveClients(): Promise<void> {
  await Promise.all(open.splice(0).map((client) => client.dispose()));
}

export function watch(client: Client, query: string, variables: Record<string, unknown> = {}): Watch {
  const state: Watch = {
    results: [],
    failure: undefined,
    completed: false,
    stop: () => undefined,
    until: (matches, what, from = 0) => eventually(async () => state.results.slice(from).find(matches), 5000, what),
  };
  state.stop = client.subscribe(
    { query, variables },
    {
      next: (result) => state.results.push(result),
      error: (error) => (state.failure = error),
      complete: () => (state.completed = true),
    },
  );
  return state;
}
