import http from 'node:http';

/**
 * The load generator's own HTTP client for the request-per-caller suites: it runs on the same
 * two cores as the system it measures, and `fetch` (undici's streams, WHATWG Headers and
 * Response) cost it about 1 ms of CPU per request, taken from the services. node:http over
 * kept-alive connections sends the same bytes for a fraction of that.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface BenchReply {
  status: number;
  body: any;
}

export function postJson(url: string, payload: unknown, token?: string): Promise<BenchReply> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
          } catch {
            reject(new Error(`Not JSON (${response.statusCode}): ${text.slice(0, 500)}`));
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
