import WebSocket from 'ws';

export interface RawSocket {
  socket: WebSocket;
  /** 'open' once acknowledged, 'refused <HTTP status>' or 'closed <close code>'. */
  outcome: string;
}

/**
 * A graphql-ws socket to a gateway without a client library, for tests of what the gateway
 * does to sockets themselves (origins, caps per connection and per address).
 */
export function openRawSocket(
  url: string,
  { origin, headers = {} }: { origin?: string; headers?: Record<string, string> } = {},
): Promise<RawSocket> {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', {
    headers,
    ...(origin ? { origin } : {}),
  });
  return new Promise((resolve) => {
    socket.once('unexpected-response', (request, response) => {
      request.destroy();
      resolve({ socket, outcome: `refused ${response.statusCode}` });
    });
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (data: Buffer) => {
      if (JSON.parse(data.toString()).type === 'connection_ack') resolve({ socket, outcome: 'open' });
    });
    socket.once('close', (code) => resolve({ socket, outcome: `closed ${code}` }));
    socket.once('error', () => undefined);
  });
}

/** Closes every socket and waits until each is closed. */
export const closeSockets = (sockets: WebSocket[]): Promise<void[]> =>
  Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.close();
        }),
    ),
  );
