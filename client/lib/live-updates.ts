import { createClient, type Client } from 'graphql-ws';

/**
 * The browser's one graphql-ws connection. It goes to /graphql on this site, which the
 * proxy hands to the gateway, so the upgrade carries the first-party `session` cookie
 * and nothing about the gateway's address is built into the page.
 */
let client: Client | null = null;

function liveUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

/**
 * Any HTTP request through the proxy renews an expired access token and sets the new
 * cookies; a WebSocket upgrade cannot. So before reconnecting, touch the site once.
 */
async function renewSessionCookie(): Promise<void> {
  try {
    await fetch('/session', { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' });
  } catch {
    // Offline: the reconnect will fail and be retried.
  }
}

export function liveUpdatesClient(): Client {
  client ??= createClient({
    url: liveUrl(),
    lazy: true,
    keepAlive: 15_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      const delay = Math.min(1_000 * 2 ** retries, 15_000) + Math.random() * 500;
      await new Promise((resolve) => setTimeout(resolve, delay));
      await renewSessionCookie();
    },
  });
  return client;
}

/** After signing in or out the connection must be made again, as the new person. */
export function restartLiveUpdates(): void {
  client?.terminate();
}
