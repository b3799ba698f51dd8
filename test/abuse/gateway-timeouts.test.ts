import { randomUUID } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { loadConfig, type RunningServer } from '@stuffmart/common';
import { gatewayConfigSchema, startGateway } from '@stuffmart/gateway';
import { eventually, postGraphQL, testEnv } from '@stuffmart/test-kit';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const LIST = '{ stuffs(first: 1) { nodes { id } } }';

async function listenOn(server: net.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** A gateway whose catalog is `catalogUrl`; nothing else is started (the queries go to catalog only). */
function gatewayWithCatalogAt(catalogUrl: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return startGateway(loadConfig(gatewayConfigSchema, testEnv({ SUBGRAPH_URLS: `catalog=${catalogUrl}`, ...env })), 0);
}

describe('a subgraph that accepts a connection and never answers', () => {
  const sockets = new Set<net.Socket>();
  const hung = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  let gateway: RunningServer;
  beforeAll(async () => {
    gateway = await gatewayWithCatalogAt(await listenOn(hung), { SUBGRAPH_TIMEOUT_MS: '300' });
  });
  afterAll(async () => {
    await gateway?.close();
    for (const socket of sockets) socket.destroy();
    hung.close();
  });

  it('costs the client SERVICE_UNAVAILABLE after SUBGRAPH_TIMEOUT_MS, not a request held forever', async () => {
    const { body } = await postGraphQL(gateway.url, LIST);
    expect(body).toEqual({
      data: null,
      errors: [{ message: 'Service unavailable', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
  });
});

describe('a client that sends its request slowly', () => {
  let gateway: RunningServer;
  beforeAll(async () => {
    gateway = await gatewayWithCatalogAt('http://127.0.0.1:1/graphql');
  });
  afterAll(() => gateway?.close());

  it('is cut off when its headers trickle in byte by byte (headersTimeout)', async () => {
    const socket = net.connect(gateway.port, '127.0.0.1');
    socket.on('error', () => undefined);
    const headers = `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n${'X-Slow: y\r\n'.repeat(1000)}`;
    let sent = 0;
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write(headers[sent++ % headers.length]!);
    }, 200);
    const closed = new Promise<string>((resolve) => {
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer));
    });
    try {
      // The server gives up on the headers (10 s) and answers 408 before closing.
      expect(await closed).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(drip);
      socket.destroy();
    }
  }, 30_000);
});

describe('a kept-alive connection the subgraph closes just as the gateway reuses it', () => {
  const served = new WeakSet<net.Socket>();
  let requests = 0;
  // Answers the first request of each connection, and closes the connection (answering nothing)
  // when a second one arrives on it: what a subgraph does to a socket whose idle timeout has just
  // run out as our request reaches it.
  const catalog = http.createServer((req, res) => {
    requests++;
    if (served.has(req.socket)) {
      req.socket.destroy();
      return;
    }
    served.add(req.socket);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { stuffs: { nodes: [] } } }));
    });
  });
  catalog.keepAliveTimeout = 60_000;
  let gateway: RunningServer;
  beforeAll(async () => {
    gateway = await gatewayWithCatalogAt(await listenOn(catalog));
  });
  afterAll(async () => {
    await gateway?.close();
    catalog.closeAllConnections();
    catalog.close();
  });

  it('sends the request again on a fresh connection, and the client never hears of it', async () => {
    for (let i = 0; i < 4; i++) {
      const { body } = await postGraphQL(gateway.url, LIST);
      expect(body).toEqual({ data: { stuffs: { nodes: [] } } });
    }
    // The 2nd and 4th queries met a kept-alive socket the stand-in then closed, and were sent
    // again on a socket of their own; the 3rd took a fresh pooled socket: 1 + 2 + 1 + 2.
    expect(requests).toBe(6);
  });
});

describe('a subgraph that accepts a WebSocket connection and never answers the upgrade', () => {
  const sockets = new Set<net.Socket>();
  const hung = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  let gateway: RunningServer;
  beforeAll(async () => {
    const url = await listenOn(hung);
    gateway = await startGateway(
      loadConfig(gatewayConfigSchema, testEnv({ SUBGRAPH_URLS: `orders=${url}`, SUBGRAPH_TIMEOUT_MS: '300' })),
      0,
    );
  });
  afterAll(async () => {
    await gateway?.close();
    for (const socket of sockets) socket.destroy();
    hung.close();
  });

  it('ends the subscription with SERVICE_UNAVAILABLE instead of leaving it waiting', async () => {
    const client = createClient({
      url: gateway.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    let failure: unknown;
    client.subscribe(
      { query: `subscription { stuffAvailabilityChanged(stuffId: "${randomUUID()}") { availability } }` },
      { next: () => undefined, error: (error) => (failure = error), complete: () => undefined },
    );
    try {
      expect(await eventually(async () => failure, 10_000, 'the subscription to end')).toEqual([
        {
          message: 'Service unavailable',
          path: ['stuffAvailabilityChanged'],
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        },
      ]);
    } finally {
      await client.dispose();
    }
  });
});
