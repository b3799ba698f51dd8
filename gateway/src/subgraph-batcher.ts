import type { OutgoingHttpHeaders } from 'node:http';
import {
  BatchFrameReader,
  encodeBatchRequest,
  MAX_BATCH_BYTES,
  MAX_BATCH_OPERATIONS,
  SUBGRAPH_BATCH_PATH,
} from '@stuffmart/common/runtime';
import type { SubgraphAnswer, SubgraphHttp } from './keep-alive-fetcher.js';

interface Queued {
  headers: OutgoingHttpHeaders;
  body: string;
  resolve(answer: SubgraphAnswer): void;
  reject(error: unknown): void;
}

/** Room in a batch's body for an operation's headers and the wrapping around them. */
const ENTRY_OVERHEAD_BYTES = 2048;

/**
 * The gateway's calls to one subgraph, batched: the operations asked for in the same turn of
 * the event loop (every client request whose bytes arrived in it has planned its fetches by
 * then, Apollo's pipeline being all promises until the fetch) go as one request to the
 * subgraph's /graphql/batch, and their answers come back in one response, each as soon as it is
 * ready (the wire format: packages/common/src/server/subgraph-batch.ts). Alone in its turn, an
 * operation goes to /graphql as it would without batching, so an idle gateway adds no step.
 *
 * Why: on a busy gateway a client request costs two messages more than calling the subgraph
 * directly, and a message (a socket write, and the loopback delivery inside it) costs more CPU
 * than serving a small query. Each operation still has its own headers (identity voucher,
 * request id, trace context), its own context and answer at the subgraph: only the transport
 * is shared, and a failure of the batch's transport fails its operations as it would have
 * failed each of them alone.
 */
export class SubgraphBatcher {
  private queue: Queued[] = [];
  private readonly batchUrl: URL;

  constructor(
    private readonly url: URL,
    private readonly fetcher: SubgraphHttp,
  ) {
    this.batchUrl = new URL(SUBGRAPH_BATCH_PATH, url);
  }

  /** Sends one operation's request (its headers and JSON body) with the others of this turn. */
  send(headers: OutgoingHttpHeaders, body: string): Promise<SubgraphAnswer> {
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.flush());
      this.queue.push({ headers, body, resolve, reject });
    });
  }

  private flush(): void {
    const queued = this.queue;
    this.queue = [];
    for (const batch of inBatches(queued)) {
      if (batch.length === 1) this.sendAlone(batch[0]!);
      else this.sendBatch(batch);
    }
  }

  private sendAlone(operation: Queued): void {
    this.fetcher(this.url, operation.headers, operation.body).then(operation.resolve, operation.reject);
  }

  private sendBatch(batch: Queued[]): void {
    const body = encodeBatchRequest(
      batch.map((operation) => ({ headers: entryHeaders(operation.headers), body: operation.body })),
    );
    const answered = new Set<number>();
    let malformed: unknown;
    const frames = new BatchFrameReader((head, bytes) => {
      const operation = batch[head.index];
      if (!operation || answered.has(head.index)) throw new Error(`batch frame for operation ${head.index}`);
      answered.add(head.index);
      operation.resolve({ status: head.status, statusText: '', headers: head.headers, body: bytes });
    });
    const onData = (chunk: Buffer, status: number) => {
      if (status !== 200 || malformed) return;
      try {
        frames.push(chunk);
      } catch (error) {
        malformed = error;
      }
    };
    this.fetcher(
      this.batchUrl,
      { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      body,
      onData,
    )
      .then((answer) => {
        // A subgraph of a version before batching: nothing of the batch ran, so each goes alone.
        if (answer.status === 404) return batch.forEach((operation) => this.sendAlone(operation));
        if (answer.status !== 200) throw new Error(`batch answered ${answer.status}: ${answer.statusText}`);
        if (malformed) throw malformed;
        if (frames.incomplete || answered.size < batch.length) throw new Error('batch answer ended early');
      })
      .catch((error: unknown) => {
        batch.forEach((operation, index) => answered.has(index) || operation.reject(error));
      });
  }
}

/** The operations in batches within the limits; one too large for a batch goes alone. */
function* inBatches(queued: Queued[]): Generator<Queued[]> {
  let batch: Queued[] = [];
  let bytes = 0;
  for (const operation of queued) {
    const size = Buffer.byteLength(operation.body) + ENTRY_OVERHEAD_BYTES;
    if (batch.length > 0 && (batch.length === MAX_BATCH_OPERATIONS || bytes + size > MAX_BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(operation);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

/** An operation's own headers as a batch carries them; the body's are the batch's. */
function entryHeaders(headers: OutgoingHttpHeaders): Record<string, string> {
  const entry: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'content-type' || name === 'content-length') continue;
    entry[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return entry;
}
