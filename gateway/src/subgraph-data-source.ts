import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  decodeSessionHeader,
  injectTraceHeaders,
  INTERNAL_IDENTITY_HEADER,
  REFRESH_TOKEN_HEADER,
  ServiceUnavailableError,
  SESSION_HEADER,
  REQUEST_ID_HEADER,
  type Logger,
} from '@stuffmart/common/runtime';
import type { OutgoingHttpHeaders } from 'node:http';
import { OperationTypeNode } from 'graphql';
import type { GatewayContext } from './gateway-context.js';
import { PUBLIC_URL_HEADER } from './photo-routes.js';
import type { SubgraphAnswer, SubgraphHttp } from './keep-alive-fetcher.js';
import { SubgraphBatcher } from './subgraph-batcher.js';

type GatewayResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** What a subgraph answered that is not a GraphQL response: the caller sees SERVICE_UNAVAILABLE. */
class UnexpectedAnswerError extends Error {}

function parseAnswer(answer: SubgraphAnswer): GatewayResponse {
  // As RemoteGraphQLDataSource had it: only a 2xx answer is a GraphQL response to pass on.
  if (answer.status < 200 || answer.status > 299) {
    throw new UnexpectedAnswerError(`${answer.status}: ${answer.statusText}`);
  }
  const body: unknown = JSON.parse(answer.body.toString('utf8'));
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new UnexpectedAnswerError('answer is not a GraphQL response');
  }
  return body as GatewayResponse;
}

/**
 * Every call from the gateway to a subgraph: vouches for the caller with a signed,
 * short-lived token, carries the request id and the trace context, and reports an unreachable or silent subgraph as
 * SERVICE_UNAVAILABLE instead of the fetch error (which names hosts and ports).
 *
 * A data source of its own rather than Apollo's RemoteGraphQLDataSource: that one builds, per
 * call, node-fetch Headers, a node-fetch Request it only keeps for its error hook, a WHATWG
 * Response and its stream to parse the body, which together cost the gateway more CPU than
 * the subgraph's query (see the README's performance section). This one sends a string and
 * parses a buffer, in a batch with the other calls of the same turn (subgraph-batcher.ts).
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  /** The calls of a turn of the event loop go together (subgraph-batcher.ts). */
  private readonly batcher: SubgraphBatcher;
  /**
   * Identical queries in flight to this subgraph, for the same caller: the later ones wait for
   * the answer of the first instead of sending it again (Apollo Router's subgraph query
   * deduplication). A query's answer is the same whichever of them asked; a mutation is never
   * shared, nor a call carrying a refresh cookie (its answer may rotate the session).
   */
  private readonly inFlight = new Map<string, Promise<SubgraphAnswer>>();

  constructor(
    private readonly options: {
      name: string;
      url: string;
      logger: Logger;
      fetcher: SubgraphHttp;
    },
  ) {
    this.batcher = new SubgraphBatcher(new URL(options.url), options.fetcher);
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayResponse> {
    const { request, context } = options;
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
      extensions: request.extensions,
    });
    const headers: OutgoingHttpHeaders = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    };
    // Apollo's executor adds a header of its own when it asks for a trace.
    for (const [name, value] of request.http?.headers ?? []) headers[name] = value;
    // The active span is @apollo/gateway's fetch span: the subgraph's span hangs below it.
    injectTraceHeaders({ set: (name, value) => (headers[name] = value) });
    if ('requestId' in context) {
      headers[INTERNAL_IDENTITY_HEADER] = context.voucher;
      headers[REQUEST_ID_HEADER] = context.requestId;
      if (context.publicUrl) headers[PUBLIC_URL_HEADER] = context.publicUrl;
      // Only the auth subgraph deals in refresh tokens; no other service ever sees one.
      if (this.options.name === 'auth' && context.refreshCookie) headers[REFRESH_TOKEN_HEADER] = context.refreshCookie;
    }
    let response: GatewayResponse;
    let answer: SubgraphAnswer;
    // A client's query plans only queries to the subgraphs; its mutation's root fetches mutate.
    const shareable =
      'incomingRequestContext' in options &&
      options.incomingRequestContext.operation?.operation === OperationTypeNode.QUERY &&
      !headers[REFRESH_TOKEN_HEADER];
    try {
      answer = await (shareable ? this.shared(headers, body) : this.batcher.send(headers, body));
      response = parseAnswer(answer);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.logger.error({ subgraph: this.options.name, err: message }, 'subgraph unreachable');
      throw new ServiceUnavailableError();
    }
    const session = answer.headers[SESSION_HEADER];
    if (typeof session === 'string' && 'requestId' in context) context.sessionUpdate = decodeSessionHeader(session);
    return response;
  }

  /** The answer of the identical query already in flight, or of this one, sent now. */
  private shared(headers: OutgoingHttpHeaders, body: string): Promise<SubgraphAnswer> {
    // The voucher names the caller (and its address); the request id alone may differ.
    const key = `${String(headers[INTERNAL_IDENTITY_HEADER] ?? '')}\n${String(headers[PUBLIC_URL_HEADER] ?? '')}\n${body}`;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const sent = this.batcher.send(headers, body).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, sent);
    return sent;
  }
}
