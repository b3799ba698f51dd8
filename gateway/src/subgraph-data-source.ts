import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
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
import type { GatewayContext } from './gateway-context.js';
import { PUBLIC_URL_HEADER } from './photo-routes.js';
import type { keepAliveFetcher } from './keep-alive-fetcher.js';

type SendOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>['willSendRequest'] & object>[0];
type ReceiveOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse'] & object>[0];

/**
 * Every call from the gateway to a subgraph: vouches for the caller with a signed,
 * short-lived token, carries the request id and the trace context, and reports an unreachable
 * or silent subgraph as SERVICE_UNAVAILABLE instead of the fetch error (which names hosts and
 * ports).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly options: {
      name: string;
      url: string;
      logger: Logger;
      fetcher: ReturnType<typeof keepAliveFetcher>;
    },
  ) {
    // make-fetch-happen (the default) costs more per call than the subgraph takes to answer.
    super({ url: options.url, fetcher: options.fetcher as unknown as RemoteGraphQLDataSource['fetcher'] });
  }

  override willSendRequest({ request, context }: SendOptions): void {
    const headers = request.http?.headers;
    if (!headers) return;
    // The active span is @apollo/gateway's fetch span: the subgraph's span hangs below it.
    injectTraceHeaders(headers);
    if (!('requestId' in context)) return;
    headers.set(INTERNAL_IDENTITY_HEADER, context.voucher);
    headers.set(REQUEST_ID_HEADER, context.requestId);
    if ('publicUrl' in context && context.publicUrl) headers.set(PUBLIC_URL_HEADER, context.publicUrl);
    // Only the auth subgraph deals in refresh tokens; no other service ever sees one.
    if (this.options.name === 'auth' && context.refreshCookie) headers.set(REFRESH_TOKEN_HEADER, context.refreshCookie);
  }

  override didReceiveResponse({ response, context }: ReceiveOptions): typeof response {
    const header = response.http?.headers.get(SESSION_HEADER);
    if (header && 'requestId' in context) context.sessionUpdate = decodeSessionHeader(header);
    return response;
  }

  override didEncounterError(error: Error, ..._rest: unknown[]): never {
    this.options.logger.error({ subgraph: this.options.name, err: error.message }, 'subgraph unreachable');
    throw new ServiceUnavailableError();
  }
}

export type { GraphQLDataSourceProcessOptions };
