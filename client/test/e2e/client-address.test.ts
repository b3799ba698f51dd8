import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { appendForwardedFor } from '../../scripts/forwarded-for.mjs';
import { CLIENT_DIR, ensureClientBuild } from '../../scripts/client-build.js';

describe('appendForwardedFor', () => {
  it.each([
    [undefined, '203.0.113.7', '203.0.113.7'],
    ['198.51.100.1', '203.0.113.7', '198.51.100.1, 203.0.113.7'],
    [' 198.51.100.1 ,, 192.0.2.4', '203.0.113.7', '198.51.100.1, 192.0.2.4, 203.0.113.7'],
    [['198.51.100.1', '192.0.2.4'], '::ffff:203.0.113.7', '198.51.100.1, 192.0.2.4, 203.0.113.7'],
    ['198.51.100.1', undefined, '198.51.100.1'],
  ] as const)('passes %j from %s on as %s', (prior, peer, expected) => {
    expect(appendForwardedFor(prior as string | string[] | undefined, peer)).toBe(expected);
  });
});

/**
 * The storefront as it runs in compose and Kubernetes, in front of a stand-in gateway that answers
 * each request, and each WebSocket, with the X-Forwarded-For it received.
 */
describe('the storefront proxying /graphql to the gateway', () => {
  let gateway: http.Server;
  let storefront: ChildProcess;
  let origin = '';

  beforeAll(async () => {
    gateway = http.createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ forwardedFor: request.headers['x-forwarded-for'] ?? null }));
    });
    new WebSocketServer({ server: gateway }).on('connection', (socket, request) =>
      socket.send(JSON.stringify({ forwardedFor: request.headers['x-forwarded-for'] ?? null })),
    );
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/graphql`;
    await ensureClientBuild();
    storefront = spawn(process.execPath, ['scripts/storefront-server.mjs'], {
      cwd: CLIENT_DIR,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', GATEWAY_URL: gatewayUrl, CLIENT_PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    origin = await new Promise<string>((resolve, reject) => {
      let output = '';
      storefront.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /Ready in \d+ms on (http:\/\/[\d.]+:\d+)/.exec(output)?.[1];
        if (found) resolve(found);
      });
      storefront.once('exit', (code) => reject(new Error(`the storefront exited (${code}):\n${output}`)));
    });
  });

  afterAll(async () => {
    if (storefront && storefront.exitCode === null) {
      const exited = new Promise((resolve) => storefront.once('exit', resolve));
      storefront.kill('SIGTERM');
      await exited;
    }
    gateway?.closeAllConnections();
    await new Promise((resolve) => gateway?.close(resolve));
  });

  it('appends the browser’s own address, after whatever the browser wrote', async () => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.1' },
      body: '{"query":"{ __typename }"}',
    });
    expect(await response.json()).toEqual({ forwardedFor: '198.51.100.1, 127.0.0.1' });
  });

  it('does the same for the graphql-ws upgrade', async () => {
    const socket = new WebSocket(`${origin.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', {
      headers: { 'x-forwarded-for': '198.51.100.1' },
    });
    const message = await new Promise<string>((resolve, reject) => {
      socket.once('message', (data: Buffer) => resolve(data.toString()));
      socket.once('error', reject);
    });
    socket.close();
    expect(JSON.parse(message)).toEqual({ forwardedFor: '198.51.100.1, 127.0.0.1' });
  });
});
