import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApolloGateway } from '@apollo/gateway';
import {
  INTERNAL_IDENTITY_HEADER,
  RateLimitedError,
  REQUEST_ID_HEADER,
  ServiceUnavailableError,
  traceSubscription,
  type Logger,
} from '@stuffmart/common/runtime';
import { buildSchema, GraphQLError, print, printSchema, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { ExecutionResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { completeLiveEvents, type RunQuery } from './live-entities.js';
import { planSubscription } from './plan-subscription.js';
import { relaySubscription } from './relay-subscription.js';
import { connectionLimit } from './connections-per-address.js';
import { isAllowedWebSocketOrigin } from './allowed-origins.js';
import { clientAddress, readCredentials, requestIdOf, type TrustProxy } from './request-identity.js';
import { formatSubscriptionErrors } from './subscription-errors.js';
import { subscriptionOwners } from './subscription-owners.js';
import { UpstreamConnections } from './upstream-connections.js';
import type { Vouched, VoucherCache } from './voucher-cache.js';

/** As much as an HTTP body may carry. */
const MAX_MESSAGE_BYTES = 1024 * 1024;
/** How long gateway close() waits for clients to answer the close frame before cutting them off. */
const CLOSE_GRACE_MS = 1000;
/** The contract's graphql-ws limits: subscriptions per connection, connections per client address. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 100;
export const MAX_CONNECTIONS_PER_ADDRESS = 50;
/** The close code of a socket over MAX_CONNECTIONS_PER_ADDRESS (4000-4999 are the application's). */
export const TOO_MANY_CONNECTIONS_CODE = 4429;

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  /** Tells us the API schema and the supergraph whenever it loads them. */
  gateway: Pick<ApolloGateway, 'onSchemaLoadOrUpdate'>;
  subgraphUrls: Record<string, string>;
  vouchers: VoucherCache;
  limits: readonly ValidationRule[];
  maxCost: number;
  hideSuggestions: boolean;
  trustProxy: TrustProxy;
  /** SUBGRAPH_TIMEOUT_MS, for the upstream connections. */
  subgraphTimeoutMs: number;
  /** ALLOWED_ORIGINS and PUBLIC_URL's origin; the site the browser addressed is allowed too. */
  allowedOrigins: readonly string[];
  logger: Logger;
  /** Runs a query through the gateway's own planner as the given caller (live entity fields). */
  runQuery: (request: Parameters<RunQuery>[0], caller: LiveCaller) => ReturnType<RunQuery>;
}

/** Who a subscription's entity queries run as: the connection's client, fixed at connect. */
export interface LiveCaller extends Vouched {
  requestId: string;
  logger: Logger;
}

/** One client's graphql-ws connection: who it is (fixed at connect) and what it opened upstream. */
interface ClientConnection {
  logger: Logger;
  upstreams: UpstreamConnections;
  /** The caller of this connection's entity queries, with a fresh voucher. */
  caller: () => LiveCaller;
}

/** What onSubscribe hands to graphql-ws' subscribe hook, as the operation's context. */
class PendingRelay {
  constructor(readonly start: () => AsyncIterableIterator<ExecutionResult>) {}
}

const unavailable = () => {
  const error = new ServiceUnavailableError();
  return new GraphQLError(error.message, { extensions: error.extensions() });
};

const rateLimited = () => {
  const error = new RateLimitedError();
  return new GraphQLError(error.message, { extensions: error.extensions() });
};

const refuseUpgrade = (socket: Duplex, status: string) =>
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

function closeSockets(sockets: WebSocket[], graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const open = new Set(sockets.filter((socket) => socket.readyState !== socket.CLOSED));
    if (open.size === 0) return resolve();
    const cutOff = setTimeout(() => {
      for (const socket of open) socket.terminate();
      resolve();
    }, graceMs);
    for (const socket of open) {
      socket.once('close', () => {
        open.delete(socket);
        if (open.size > 0) return;
        clearTimeout(cutOff);
        resolve();
      });
    }
  });
}

/**
 * graphql-ws on the gateway's own /graphql (WebSocket upgrade). @apollo/gateway does not
 * execute subscriptions, so the gateway checks each one against the API schema with the
 * HTTP limits and passes it through to the subgraph that owns its root field, over a
 * graphql-ws connection of its own that vouches for the client as HTTP calls do.
 */
export function serveSubscriptions(options: SubscriptionServerOptions): { close(): Promise<void> } {
  let api: { schema: GraphQLSchema; eventSchema: GraphQLSchema; owners: Map<string, string> } | undefined;
  options.gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    api = {
      schema: apiSchema,
      // Apollo Server wraps every resolver of the schema it runs (for its plugins), and the
      // wrappers ignore execute()'s fieldResolver; live events are shaped on a copy of their own.
      eventSchema: buildSchema(printSchema(apiSchema)),
      owners: subscriptionOwners(coreSupergraphSdl),
    };
  });

  const connections = new Set<ClientConnection>();
  // Kept by the cluster's primary when GATEWAY_WORKERS runs several gateway processes.
  const perAddress = connectionLimit(MAX_CONNECTIONS_PER_ADDRESS);
  // noServer: the upgrade is ours to route, and the HTTP server's own errors stay its own.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const upgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if ((request.url ?? '').split('?')[0] !== '/graphql') return refuseUpgrade(socket, '404 Not Found');
    // A browser always sends Origin; a page elsewhere must not ride its visitor's session cookie
    // into a socket of ours (cross-site WebSocket hijacking). Apps without an Origin are welcome.
    if (!isAllowedWebSocketOrigin(request, options.allowedOrigins)) return refuseUpgrade(socket, '403 Forbidden');
    // Asked before the handshake completes: the client sends nothing until it has our 101, so
    // no message can be lost while the cluster's primary answers (GATEWAY_WORKERS > 1).
    const address = clientAddress(request, options.trustProxy) ?? 'unknown';
    const admit = (taken: boolean) => {
      if (socket.destroyed) {
        if (taken) perAddress.release(address);
        return;
      }
      if (taken) socket.once('close', () => perAddress.release(address));
      wss.handleUpgrade(request, socket, head, (websocket) => {
        if (taken) wss.emit('connection', websocket, request);
        else websocket.close(TOO_MANY_CONNECTIONS_CODE, 'Too many connections');
      });
    };
    const taken = perAddress.take(address);
    if (typeof taken === 'boolean') admit(taken);
    else void taken.then(admit);
  };
  options.httpServer.on('upgrade', upgrade);
  const server = useServer<Record<string, unknown>, { connection: ClientConnection }>(
    {
      onConnect: (ctx) => {
        const { request } = ctx.extra;
        // As the contract says: connectionParams.authorization, else the upgrade request's
        // session cookie (never its Authorization header); a bad token is simply signed out.
        const authorization = ctx.connectionParams?.authorization;
        const { token } = readCredentials(request, typeof authorization === 'string' ? authorization : '');
        const clientIp = clientAddress(request, options.trustProxy);
        const requestId = requestIdOf(request);
        const logger = options.logger.child({ requestId });
        const identity = options.vouchers.vouch(token, clientIp);
        // A client may put its own traceparent in connectionParams; upstream connections carry
        // the gateway's span, so the subgraph's subscription joins the client's trace.
        const trace = traceSubscription('gateway', ctx.connectionParams, 'graphql-ws connect');
        const connection: ClientConnection = {
          logger,
          // The identity stays the one proven at connect, as upstream, even once the token expires.
          caller: () => ({ ...options.vouchers.renew(identity, clientIp), requestId, logger }),
          upstreams: new UpstreamConnections({
            subgraphUrls: options.subgraphUrls,
            connectionParams: () => ({
              [INTERNAL_IDENTITY_HEADER]: options.vouchers.vouch(token, clientIp).voucher,
              [REQUEST_ID_HEADER]: requestId,
              ...trace,
            }),
            timeoutMs: options.subgraphTimeoutMs,
            logger,
          }),
        };
        ctx.extra.connection = connection;
        connections.add(connection);
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        const { connection } = ctx.extra;
        if (!api || !connection) return [unavailable()];
        const { eventSchema } = api;
        // graphql-ws has already entered this one; it removes each as it ends, however it ends.
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) return [rateLimited()];
        try {
          const plan = planSubscription(payload, {
            schema: api.schema,
            owners: api.owners,
            limits: options.limits,
            maxCost: options.maxCost,
            hideSuggestions: options.hideSuggestions,
          });
          if (Array.isArray(plan)) return plan;
          const upstream = connection.upstreams.for(plan.subgraph);
          if (!upstream) return [unavailable()];
          return {
            schema: api.schema,
            document: plan.document,
            operationName: payload.operationName,
            variableValues: payload.variables,
            contextValue: new PendingRelay(() => {
              const events = relaySubscription({
                upstream,
                // The subgraph gets the client's own text (its share of it when other subgraphs
                // resolve some fields): it validates and runs it against its schema.
                payload: {
                  query: plan.upstream.federated ? print(plan.upstream.upstream) : payload.query,
                  variables: payload.variables,
                  operationName: payload.operationName,
                },
                subgraph: plan.subgraph,
                responseKey: plan.responseKey,
                logger: connection.logger,
              });
              if (!plan.upstream.federated) return events;
              return completeLiveEvents(events, {
                schema: eventSchema,
                document: plan.document,
                operationName: payload.operationName,
                variables: payload.variables ?? {},
                runQuery: (request) => options.runQuery(request, connection.caller()),
              });
            }),
          };
        } catch (error) {
          // Thrown out of here, graphql-ws would close the whole connection; onError logs it
          // and the client gets INTERNAL_SERVER_ERROR for this operation only.
          return [new GraphQLError('subscription planning failed', { originalError: asError(error) })];
        }
      },
      subscribe: (args) =>
        args.contextValue instanceof PendingRelay
          ? args.contextValue.start()
          : { errors: [new GraphQLError('Subscription was not planned')] },
      onNext: (ctx, _id, _payload, _args, result) => {
        if (!result.errors) return;
        const logger = ctx.extra.connection?.logger ?? options.logger;
        return { ...result, errors: formatSubscriptionErrors(result.errors, logger) };
      },
      onError: (ctx, _id, _payload, errors) =>
        formatSubscriptionErrors(errors, ctx.extra.connection?.logger ?? options.logger),
      onClose: async (ctx) => {
        const { connection } = ctx.extra;
        if (!connection) return;
        connections.delete(connection);
        await connection.upstreams.close();
      },
    },
    wss,
  );

  return {
    close: async () => {
      options.httpServer.off('upgrade', upgrade);
      const sockets = [...wss.clients];
      // Sends every client 1001 "Going away"; their subscriptions end as they answer.
      await server.dispose();
      await Promise.all([...connections].map((connection) => connection.upstreams.close()));
      connections.clear();
      await closeSockets(sockets, CLOSE_GRACE_MS);
      perAddress.close?.();
    },
  };
}
