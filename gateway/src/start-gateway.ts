import cluster from 'node:cluster';
import http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import {
  assertRedisReachable,
  createLogger,
  createMetricsRegistry,
  createRedis,
  Drain,
  errorLoggingPlugin,
  formatError,
  apolloRoute,
  healthRoute,
  httpRoutes,
  listen,
  metricsPortFor,
  readinessRoute,
  startMetricsServer,
  tracedRoute,
  traceOperationPlugin,
  voucherKeyOf,
  type Route,
  type RunningServer,
} from '@stuffmart/common/runtime';
import { corsHeaders, PREFLIGHT_HEADERS } from './allowed-origins.js';
import type { GatewayConfig } from './config.js';
import { adminOnlyIntrospection } from './admin-only-introspection.js';
import { keepAliveFetcher } from './keep-alive-fetcher.js';
import { legacyJsonStatus } from './legacy-json-status.js';
import type { GatewayContext } from './gateway-context.js';
import { MAX_QUERY_TOKENS, queryLimits, tooManyTokens } from './query-limits.js';
import { subgraphReadiness } from './readiness.js';
import { requestMetrics } from './request-metrics.js';
import { clientAddress, readCredentials, requestIdOf } from './request-identity.js';
import { serveSubscriptions } from './serve-subscriptions.js';
import { writeSessionCookies } from './session-cookies.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { VoucherCache } from './voucher-cache.js';
import { webhookRoutes } from './webhook-forwarding.js';
import { photoRoutes, publicUrlOf } from './photo-routes.js';
import { loadSupergraph } from './supergraph.js';
import { shareMetricsWithPrimary } from './gateway-workers.js';

/** A client has this long to send its request's headers, and this long for the whole request. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

export async function startGateway(config: GatewayConfig, port = config.GATEWAY_PORT): Promise<RunningServer> {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const redis = createRedis(config.REDIS_URL, config.STUFFMART_NAMESPACE, logger);
  await assertRedisReachable(redis, config.REDIS_URL).catch((error) => {
    redis.disconnect();
    throw error;
  });
  const supergraph = await loadSupergraph(config.SUPERGRAPH_PATH, config.SUBGRAPH_URLS);
  const vouchers = new VoucherCache(config.JWT_KEY, voucherKeyOf(config));

  const httpServer = http.createServer({
    // A client that trickles its headers or body holds a socket and a parser: cut it off.
    headersTimeout: HEADERS_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    // How often Node checks those two; its default (30 s) would let a slow client linger far longer.
    connectionsCheckingInterval: 1000,
  });
  const drain = new Drain(config.SHUTDOWN_GRACE_MS);
  const metrics = createMetricsRegistry('gateway');
  // @apollo/gateway sends usage metrics to Apollo's servers unless this switch, which it reads
  // from the environment, is set. Stuffmart reports to no one (and its hosts reach no one).
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const fetcher = keepAliveFetcher({ timeoutMs: config.SUBGRAPH_TIMEOUT_MS });
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.sdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({ name, url: supergraph.subgraphUrls[name] ?? url ?? '', logger, fetcher }),
  });
  const limits = queryLimits(config);
  // Registered before start: it learns the API schema when the gateway loads the supergraph.
  const subscriptions = serveSubscriptions({
    httpServer,
    gateway,
    subgraphUrls: supergraph.subgraphUrls,
    vouchers,
    limits: limits.validationRules,
    maxCost: limits.maxCost,
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    hideSuggestions: config.NODE_ENV === 'production',
    trustProxy: config.TRUST_PROXY,
    allowedOrigins: [...config.ALLOWED_ORIGINS, new URL(config.PUBLIC_URL).origin],
    logger,
    runQuery: async (request, caller) => {
      const { body } = await apollo.executeOperation(request, {
        contextValue: { ...caller, refreshCookie: undefined, sessionUpdate: null },
      });
      return body.kind === 'single' ? body.singleResult : { errors: [{ message: 'Unexpected incremental result' }] };
    },
  });
  const production = config.NODE_ENV === 'production';
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: (formatted, error) => formatError(tooManyTokens(formatted), error),
    includeStacktraceInErrorResponses: false,
    // runMain owns the signals: it stops this server and then the rest, in order.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    validationRules: limits.validationRules,
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    // Everyone outside production; in production adminOnlyIntrospection below lets only ADMINs.
    introspection: true,
    plugins: [
      ...(limits.plugins as ApolloServerPlugin<GatewayContext>[]),
      ...(production ? [adminOnlyIntrospection()] : []),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Served in production too: admins make coupons in it (signed in, so they may introspect).
      ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: true }),
      errorLoggingPlugin(logger),
      legacyJsonStatus(),
      requestMetrics<GatewayContext>(metrics),
      ...traceOperationPlugin<GatewayContext>(),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue }) {
              if (contextValue.sessionUpdate && contextValue.res) {
                writeSessionCookies(contextValue.res, contextValue.sessionUpdate, config.COOKIE_SECURE);
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  httpServer.on(
    'request',
    httpRoutes(
      {
        '/healthz': healthRoute,
        '/readyz': readinessRoute(
          { redis: () => redis.ping(), ...subgraphReadiness(supergraph.subgraphUrls) },
          logger,
          drain,
        ),
        ...webhookRoutes(supergraph.subgraphUrls, logger),
        ...photoRoutes(supergraph.subgraphUrls.catalog, config.ALLOWED_ORIGINS, logger),
        '/graphql': tracedRoute(
          'gateway',
          withCors(
            config.ALLOWED_ORIGINS,
            apolloRoute(apollo, async (req, res) => {
              const requestId = requestIdOf(req);
              res.setHeader('x-request-id', requestId);
              const { token, refreshCookie } = readCredentials(req);
              return {
                ...vouchers.vouch(token, clientAddress(req, config.TRUST_PROXY)),
                refreshCookie,
                requestId,
                logger: logger.child({ requestId }),
                sessionUpdate: null,
                res,
                publicUrl: publicUrlOf(req, config.GATEWAY_PUBLIC_URL, config.TRUST_PROXY),
              };
            }),
          ),
        ),
      },
      logger,
    ),
  );

  const boundPort = await listen(httpServer, port, config.BIND_HOST);
  logger.info({ port: boundPort }, 'gateway ready');
  // Never on the public port: the Ingress routes that one to the world. A cluster worker's
  // metrics are served, summed with its siblings', by the primary (gateway-workers.ts).
  if (cluster.isWorker) shareMetricsWithPrimary(metrics);
  const metricsServer = cluster.isWorker
    ? undefined
    : await startMetricsServer(metrics, metricsPortFor(port, config.METRICS_PORT), config.BIND_HOST, logger);
  return {
    url: `http://${config.BIND_HOST}:${boundPort}/graphql`,
    port: boundPort,
    metricsUrl: metricsServer?.url,
    close: async () => {
      await metricsServer?.close();
      await drain.begin();
      // WebSockets first: the HTTP drain would otherwise wait out its grace period for them.
      await subscriptions.close();
      await apollo.stop();
      redis.disconnect();
    },
  };
}

/**
 * CORS for ALLOWED_ORIGINS, with cookies; a preflight is answered here. Apollo's CSRF
 * prevention still refuses a simple cross-site request that would run without a preflight.
 */
function withCors(allowedOrigins: readonly string[], route: Route): Route {
  return (req, res) => {
    const headers = corsHeaders(req, allowedOrigins);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (req.method !== 'OPTIONS') return route(req, res);
    res.writeHead(204, 'access-control-allow-origin' in headers ? PREFLIGHT_HEADERS : {});
    res.end();
  };
}
