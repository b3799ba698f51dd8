import http from 'node:http';

/**
 * How long a pooled socket may sit idle before we close it ourselves. Our subgraphs keep an idle
 * connection for Node's default keepAliveTimeout, 5 s (start-subgraph-server.ts); closing ours
 * well before that, whatever the event loop's delays, means we almost never pick a socket the
 * subgraph is closing right then, and the retry below covers the rest. (Node also honours a
 * server's `Keep-Alive: timeout=` hint, less a second, when that is shorter.)
 */
export const IDLE_SOCKET_TIMEOUT_MS = 2000;

/** A subgraph's answer as it came: nothing is parsed or wrapped that the caller may not need. */
export interface SubgraphAnswer {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export class SubgraphTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/**
 * A request failed on a kept-alive socket before any byte of an answer came back, because the
 * other end had closed it. A server closes an idle keep-alive connection only between requests,
 * when it has none in progress on it, so the request we wrote onto it was never read, let alone
 * run: sending it again on a fresh socket cannot run anything twice. (Node's documentation gives
 * the same rule for `request.reusedSocket`.) Any other failure, or one after an answer began, or
 * on a fresh socket, is reported, never retried.
 */
function isStaleSocketFailure(error: unknown, request: http.ClientRequest, answered: boolean): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return request.reusedSocket && !answered && (code === 'ECONNRESET' || code === 'EPIPE');
}

/**
 * The gateway's calls to subgraphs over pooled keep-alive sockets with plain node:http. WHATWG
 * fetch builds web streams and abort signals for every call, and a WHATWG Response (then
 * undici's body parser) for every answer, which profiling showed to be a large share of the
 * gateway's CPU for small GraphQL answers: the answer is handed back as its status, headers
 * and bytes. Each call is given up after `timeoutMs`, so a subgraph that hangs never holds a
 * client's request forever.
 */
export function keepAliveFetcher(options: { timeoutMs: number; idleSocketTimeoutMs?: number }) {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: 256,
    // On a free socket, this closes it once idle that long; in use, the deadline below rules.
    timeout: options.idleSocketTimeoutMs ?? IDLE_SOCKET_TIMEOUT_MS,
  });

  const send = (
    url: URL,
    headers: http.OutgoingHttpHeaders,
    body: string,
    deadline: number,
    mayRetry: boolean,
    onData: OnData | undefined,
  ): Promise<SubgraphAnswer> =>
    new Promise((resolve, reject) => {
      let answered = false;
      // The retry takes a socket of its own: the pool might hand it another stale one.
      const request = http.request(
        {
          protocol: url.protocol,
          hostname: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: 'POST',
          headers,
          agent: mayRetry ? agent : false,
        },
        (incoming) => {
          answered = true;
          const chunks: Buffer[] = [];
          const status = incoming.statusCode ?? 500;
          incoming.on(
            'data',
            onData ? (chunk: Buffer) => onData(chunk, status) : (chunk: Buffer) => chunks.push(chunk),
          );
          incoming.on('error', fail);
          incoming.on('end', () => {
            clearTimeout(timer);
            resolve({
              status,
              statusText: incoming.statusMessage ?? '',
              headers: incoming.headers,
              body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
            });
          });
        },
      );
      const timeoutMs = options.timeoutMs;
      const timer = setTimeout(() => request.destroy(new SubgraphTimeoutError(timeoutMs)), deadline - Date.now());
      function fail(error: unknown) {
        clearTimeout(timer);
        if (mayRetry && isStaleSocketFailure(error, request, answered)) {
          send(url, headers, body, deadline, false, onData).then(resolve, reject);
        } else {
          reject(error);
        }
      }
      request.on('error', fail);
      request.end(body);
    });

  /**
   * POSTs `body` to `url`; the answer, whatever its status, or the reason none came. With
   * `onData`, the answer's bytes are handed to it as they arrive instead (its body is empty).
   */
  return (url: URL, headers: http.OutgoingHttpHeaders, body: string, onData?: OnData): Promise<SubgraphAnswer> =>
    send(url, headers, body, Date.now() + options.timeoutMs, true, onData);
}

/** A chunk of an answer's body, and the answer's status. */
type OnData = (chunk: Buffer, status: number) => void;

export type SubgraphHttp = ReturnType<typeof keepAliveFetcher>;
