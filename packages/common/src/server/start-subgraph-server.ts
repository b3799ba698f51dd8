import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { INTERNAL_IDENTITY_HEADER, REQUEST_ID_HEADER } from '../auth/internal-identity.js';
import { VoucherReader } from '../auth/voucher-reader.js';
import { errorLoggingPlugin } from '../errors/error-logging-plugin.js';
import { formatError } from '../errors/format-error.js';
import type { SubgraphContext } from './subgraph-context.js';
import { apolloRoute, httpRoutes, type Route } from './http-routes.js';
import { batchRoute, type BatchOperation } from './batch-route.js';
import { SUBGRAPH_BATCH_PATH } from './subgraph-batch.js';
import { Drain, healthRoute, readinessRoute, type ReadinessCheck } from './readiness.js';
import type { Registry } from 'prom-client';
import { metricsRoute } from './metrics/metrics-route.js';
import { serveSubscriptions } from './serve-subscriptions.js';
import { tracedRoute, traceOperationPlugin } from '../telemetry/trace-http.js';
import { listen } from './listen.js';

export interface SubgraphServerOptions<C extends SubgraphContext> {
  name: string;
  schema: GraphQLSchema;
  port: number;
  host?: string;
  /** VOUCHER_KEY: checks the gateway's signed identity vouchers. */
  voucherKey: string;
  logger: Logger;
  readiness: Record<string, ReadinessCheck>;
  extendContext?: (base: SubgraphContext) => C;
  /** How long to keep serving after a stop begins (SHUTDOWN_GRACE_MS). */
  shutdownGraceMs?: number;
  /**
   * Also served at /metrics on this port, as before METRICS_PORT existed (tests and the bench
   * read stuffmart_sql_statements_total here); a subgraph's port is never public.
   */
  metrics: Registry;
  /** Serve graphql-ws on /graphql too (the subgraph has a Subscription type). */
  subscriptions?: boolean;
  /** Extra routes by path (e.g. a webhook). */
  routes?: Record<string, Route>;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Prometheus' /metrics on METRICS_PORT, when the process serves it. */
  metricsUrl?: string;
  close(): Promise<void>;
}

/**
 * Hosts one subgraph: /graphql (and /graphql/batch, subgraph-batch.ts) for the gateway, /healthz
 * and /readyz for operators. Identity comes only from the gateway's signed voucher, so a direct
 * caller who forges headers is signed out.
 */
export async function startSubgraphServer<C extends SubgraphContext>(
  options: SubgraphServerOptions<C>,
): Promise<RunningServer> {
  const httpServer = http.createServer();
  const internalKey = options.voucherKey;
  const vouchers = new VoucherReader(internalKey);
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // runMain owns the signals: it stops this server and then the rest, in order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // We send no usage reports to Apollo, so the gateway never needs field timings.
      ApolloServerPluginInlineTraceDisabled(),
      errorLoggingPlugin(options.logger),
      ...traceOperationPlugin<C>(),
    ],
  });
  await apollo.start();

  const drain = new Drain(options.shutdownGraceMs ?? 0);
  const header = (req: http.IncomingMessage, name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  /** A request's context, whether it came alone or in one of the gateway's batches. */
  const contextOf = async (request: BatchOperation): Promise<C> => {
    const vouched = vouchers.read(request.header(INTERNAL_IDENTITY_HEADER));
    const given = request.header(REQUEST_ID_HEADER);
    const requestId = given && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    const base: SubgraphContext = {
      user: vouched.user,
      clientIp: vouched.clientIp,
      requestId,
      logger: options.logger.child({ requestId }),
      setResponseHeader: request.setResponseHeader,
      requestHeader: request.header,
    };
    return options.extendContext ? options.extendContext(base) : (base as C);
  };
  httpServer.on(
    'request',
    httpRoutes(
      {
        '/healthz': healthRoute,
        '/readyz': readinessRoute(options.readiness, options.logger, drain),
        '/metrics': metricsRoute(options.metrics),
        ...options.routes,
        '/graphql': tracedRoute(
          options.name,
          apolloRoute(apollo, (req, res) =>
            contextOf({
              header: (name) => header(req, name),
              setResponseHeader: (name, value) => res.setHeader(name, value),
            }),
          ),
        ),
        [SUBGRAPH_BATCH_PATH]: batchRoute({
          service: options.name,
          apollo,
          context: contextOf,
          logger: options.logger,
          metrics: options.metrics,
        }),
      },
      options.logger,
    ),
  );

  const extend = options.extendContext ?? ((base: SubgraphContext) => base as C);
  const websockets = options.subscriptions
    ? serveSubscriptions({
        name: options.name,
        httpServer,
        schema: options.schema,
        internalKey,
        logger: options.logger,
        extendContext: extend,
      })
    : undefined;

  const host = options.host ?? '127.0.0.1';
  const port = await listen(httpServer, options.port, host);
  options.logger.info({ port }, `${options.name} subgraph ready`);
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    close: async () => {
      await drain.begin();
      await websockets?.close();
      await apollo.stop();
    },
  };
}
