/**
 * The storefront's server: Next.js behind a node:http server of our own, for one thing `next
 * start` cannot do. Next.js keeps a client's X-Forwarded-For as it came (adding the browser's
 * address only when there is none), so the gateway, told to trust the storefront, would count
 * failed sign-ins under whatever address a client made up. Here every request and WebSocket
 * upgrade, /graphql included, carries the browser's own address as the last entry.
 *
 * Plain JavaScript: the image runs it with node alone. CLIENT_PORT (3000) and BIND_HOST
 * (127.0.0.1) say where to listen; GATEWAY_URL is read by the app itself.
 */
import http from 'node:http';
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { fileURLToPath, URL } from 'node:url';
import next from 'next';
import { appendForwardedFor } from './forwarded-for.mjs';

const started = Date.now();
const port = Number(process.env.CLIENT_PORT?.trim() || '3000');
const host = process.env.BIND_HOST?.trim() || '127.0.0.1';
// As `next start` does: a production build serves in production mode.
process.env.NODE_ENV = 'production';

const app = next({ dev: false, dir: fileURLToPath(new URL('..', import.meta.url)), hostname: host, port });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();

/** @param {http.IncomingMessage} request */
function forwardFor(request) {
  const value = appendForwardedFor(request.headers['x-forwarded-for'], request.socket.remoteAddress);
  if (value) request.headers['x-forwarded-for'] = value;
}

const server = http.createServer((request, response) => {
  forwardFor(request);
  void handle(request, response);
});
server.on('upgrade', (request, socket, head) => {
  forwardFor(request);
  void upgrade(request, socket, head);
});
server.listen(port, host, () => {
  const bound = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  process.stdout.write(`✓ Ready in ${Date.now() - started}ms on http://${host}:${bound}/\n`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    // Requests in flight finish; open subscriptions do not hold the stop up for long.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
