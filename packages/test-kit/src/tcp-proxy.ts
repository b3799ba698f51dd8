import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Rewrites a URL's host and port to go through the proxy. */
  wrap(url: string): string;
  /** The far side "goes down": open connections drop and new ones are refused. */
  cut(): Promise<void>;
  /** The far side is back, on the same port. */
  resume(): Promise<void>;
}

/**
 * Stands between a service and our real Postgres or Redis so a test can take the dependency
 * away from that service alone, as an outage would. Given several targets it hands each new
 * connection to the next one, as a Kubernetes Service spreads connections over replicas.
 */
export async function startTcpProxy(target: string | string[]): Promise<TcpProxy> {
  const targets = (Array.isArray(target) ? target : [target]).map((url) => new URL(url));
  let next = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const { hostname, port: targetPort } = targets[next++ % targets.length]!;
    const upstream = net.connect(Number(targetPort), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    wrap: (url) => {
      const wrapped = new URL(url);
      wrapped.hostname = '127.0.0.1';
      wrapped.port = String(port);
      return wrapped.toString();
    },
    cut: async () => {
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    resume: async () => {
      if (server.listening) return;
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
  };
}
