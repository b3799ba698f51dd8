import { z } from 'zod';

/**
 * The gateway's batched calls to a subgraph: the operations of many client requests in one
 * HTTP request, their answers in one HTTP response. On a busy gateway every client request
 * costs a message to the subgraph and one back, and on our machines a message (a socket write,
 * and the loopback delivery inside it) costs more CPU than a small query's execution: the
 * operations whose requests arrived in the same turn of the gateway's event loop go as one.
 *
 * Each operation keeps what makes it a request of its own: its headers (the caller's identity
 * voucher, request id, trace context), its own Apollo pipeline and context at the subgraph, its
 * own answer, status and response headers. Only the transport is shared.
 *
 * The request: POST SUBGRAPH_BATCH_PATH, a JSON array of `{ headers, body }`, `body` being the
 * GraphQL request the operation would have POSTed to /graphql alone.
 *
 * The response streams one frame per operation, as each is answered, so a quick query is not
 * held back by a slow one sent with it: a line of JSON (`BatchFrameHead`: which operation, its
 * status, the response headers its resolvers set, the byte length of its body), a newline, and
 * the body's bytes. Frames answered in the same turn of the subgraph's loop go in one write.
 */
export const SUBGRAPH_BATCH_PATH = '/graphql/batch';
export const BATCH_CONTENT_TYPE = 'application/x-stuffmart-batch';

/** At most this many operations in a batch; the gateway starts another beyond it. */
export const MAX_BATCH_OPERATIONS = 32;
/** At most this many bytes in a batch's request body (a single /graphql request may have 1 MiB). */
export const MAX_BATCH_BYTES = 1024 * 1024;

/** An operation of a batch: the headers and the body the gateway would send it alone with. */
const batchEntrySchema = z.object({
  headers: z.record(z.string(), z.string().max(4096)),
  body: z.record(z.string(), z.unknown()),
});
export const batchRequestSchema = z.array(batchEntrySchema).min(1).max(MAX_BATCH_OPERATIONS);
export type BatchEntry = z.infer<typeof batchEntrySchema>;

export interface BatchFrameHead {
  /** The operation's index in the request's array. */
  index: number;
  status: number;
  /** The response headers the operation's resolvers set (e.g. the session header). */
  headers: Record<string, string>;
  /** The byte length of the body that follows the head's newline. */
  length: number;
}

/** One operation's answer as a frame of the response. */
export function encodeBatchFrame(head: Omit<BatchFrameHead, 'length'>, body: string): string {
  return `${JSON.stringify({ ...head, length: Buffer.byteLength(body) })}\n${body}`;
}

/** A batch request's body, from each operation's headers and the JSON body it would send alone. */
export function encodeBatchRequest(entries: { headers: Record<string, string>; body: string }[]): string {
  return `[${entries.map((entry) => `{"headers":${JSON.stringify(entry.headers)},"body":${entry.body}}`).join(',')}]`;
}

/**
 * Reads a batch response's frames from its chunks as they arrive (a frame may span chunks,
 * and a chunk hold many frames), handing each complete one on with its body's bytes.
 */
export class BatchFrameReader {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly onFrame: (head: BatchFrameHead, body: Buffer) => void) {}

  push(chunk: Buffer): void {
    let buffer = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      const newline = buffer.indexOf(10);
      if (newline < 0) break;
      const head = parseHead(buffer.subarray(0, newline));
      const end = newline + 1 + head.length;
      if (buffer.length < end) break;
      this.onFrame(head, buffer.subarray(newline + 1, end));
      buffer = buffer.subarray(end);
    }
    this.pending = buffer;
  }

  /** Bytes of an unfinished frame: at the response's end, a sign it was cut short. */
  get incomplete(): boolean {
    return this.pending.length > 0;
  }
}

const frameHeadSchema = z.object({
  index: z.number().int().nonnegative(),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  length: z.number().int().nonnegative(),
});

function parseHead(line: Buffer): BatchFrameHead {
  return frameHeadSchema.parse(JSON.parse(line.toString('utf8')));
}
