import { SpanKind } from '@opentelemetry/api';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import { Histogram, type Registry } from 'prom-client';
import { extractTraceContext, inSpan } from '../telemetry/trace-http.js';
import { tracingOn } from '../telemetry/tracers.js';
import { BodyTooLargeError, INTERNAL_ERROR_BODY, readBody, requestError, type Route } from './http-routes.js';
import {
  BATCH_CONTENT_TYPE,
  batchRequestSchema,
  encodeBatchFrame,
  MAX_BATCH_BYTES,
  MAX_BATCH_OPERATIONS,
  type BatchEntry,
} from './subgraph-batch.js';

/** What an operation of a batch gives its context: its own headers, and where its response headers go. */
export interface BatchOperation {
  header(name: string): string | undefined;
  setResponseHeader(name: string, value: string): void;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Serves the gateway's batches (subgraph-batch.ts): each operation runs through Apollo Server
 * as if it had come alone, with a context of its own built from its own headers, and its
 * answer is written as soon as it is ready, with the others ready in the same turn.
 */
export function batchRoute<C extends BaseContext>(options: {
  service: string;
  apollo: ApolloServer<C>;
  context: (operation: BatchOperation) => Promise<C>;
  logger: Logger;
  metrics: Registry;
}): Route {
  const sizes = new Histogram({
    name: 'stuffmart_graphql_batch_operations',
    help: 'Operations in each batch the gateway sent (a lone operation comes to /graphql instead)',
    buckets: [2, 4, 8, 16, MAX_BATCH_OPERATIONS],
    registers: [options.metrics],
  });
  const answer = async (entry: BatchEntry): Promise<Answer> => {
    const responseHeaders: Record<string, string> = {};
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(entry.headers)) headers.set(name, value);
    headers.set('content-type', 'application/json');
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body: entry.body },
      context: () =>
        options.context({
          header: (name) => headers.get(name),
          setResponseHeader: (name, value) => (responseHeaders[name] = value),
        }),
    });
    // Our gateway never asks a subgraph for incremental delivery (@defer).
    if (response.body.kind !== 'complete') return { status: 500, headers: {}, body: INTERNAL_ERROR_BODY };
    return { status: response.status ?? 200, headers: responseHeaders, body: response.body.string };
  };
  // The subgraph's span of each operation, child of the gateway's fetch, as /graphql has one.
  const traced = (entry: BatchEntry) =>
    tracingOn()
      ? inSpan(
          options.service,
          'POST /graphql',
          { kind: SpanKind.SERVER, parent: extractTraceContext(entry.headers) },
          () => answer(entry),
        )
      : answer(entry);

  return async (req, res) => {
    if (req.method !== 'POST') return requestError(res, 405, 'Use POST');
    let entries: BatchEntry[];
    try {
      entries = batchRequestSchema.parse(JSON.parse((await readBody(req, MAX_BATCH_BYTES)).toString('utf8')));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return requestError(res, 413, 'Batch too large');
      return requestError(res, 400, 'Not a batch of GraphQL requests');
    }
    sizes.observe(entries.length);
    res.writeHead(200, { 'content-type': BATCH_CONTENT_TYPE });
    let left = entries.length;
    let frames: string[] = [];
    await new Promise<void>((finished) => {
      const flush = () => {
        const text = frames.join('');
        frames = [];
        if (left > 0) return void res.write(text);
        res.end(text);
        finished();
      };
      entries.forEach((entry, index) => {
        void traced(entry)
          .catch((error: unknown) => {
            options.logger.error({ err: error }, 'batched operation failed');
            return { status: 500, headers: {}, body: INTERNAL_ERROR_BODY };
          })
          .then((answered) => {
            left -= 1;
            // The first answer of a turn schedules the write; the others of that turn join it.
            if (frames.length === 0) setImmediate(flush);
            frames.push(encodeBatchFrame({ index, status: answered.status, headers: answered.headers }, answered.body));
          });
      });
    });
  };
}
