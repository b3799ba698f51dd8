import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on `port` (0: any free port) and `host`; resolves with the port it got. */
export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
