import http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import {
  assertRedisReachable,
  createLogger,
  createRedis,
  Drain,
  errorLoggingPlugin,
  formatError,
  apolloRoute,
  healthRoute,
  httpRoutes,
  listen,
  readinessRoute,
  voucherKeyOf,
  type RunningServer,
} from '@stuffmart/common';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './gateway-context.js';
import { MAX_QUERY_TOKENS, queryLimits } from './query-limits.js';
import { subgraphReadiness } from './readiness.js';
import { clientAddress, readCredentials, requestIdOf } from './request-identity.js';
import { serveSubscriptions } from './serve-subscriptions.js';
import { writeSessionCookies } from './session-cookies.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { VoucherCache } from './voucher-cache.js';
import { webhookRoutes } from './webhook-forwarding.js';
import { loadSupergraph } from './supergraph.js';

export async function startGateway(config: GatewayConfig, port = config.GATEWAY_PORT): Promise<RunningServer> {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const redis = createRedis(config.REDIS_URL, config.STUFFMART_NAMESPACE, logger);
  await assertRedisReachable(redis, config.REDIS_URL).catch((error) => {
    redis.disconnect();
    throw error;
  });
  const supergraph = await loadSupergraph(config.SUPERGRAPH_PATH, config.SUBGRAPH_URLS);
  const vouchers = new VoucherCache(config.JWT_KEY, voucherKeyOf(config));

  const httpServer = http.createServer();
  const drain = new Drain(config.SHUTDOWN_GRACE_MS);
  // @apollo/gateway sends usage metrics to Apollo's servers unless this switch, which it reads
  // from the environment, is set. Stuffmart reports to no one (and its hosts reach no one).
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.sdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({ name, url: supergraph.subgraphUrls[name] ?? url ?? '', logger }),
  });
  const limits = queryLimits(config);
  // Registered before start: it learns the API schema when the gateway loads the supergraph.
  const subscriptions = serveSubscriptions({
    httpServer,
    gateway,
    subgraphUrls: supergraph.subgraphUrls,
    vouchers,
    limits: limits.validationRules,
    hideSuggestions: config.NODE_ENV === 'production',
    trustProxy: config.TRUST_PROXY,
    logger,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    // runMain owns the signals: it stops this server and then the rest, in order.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    validationRules: limits.validationRules,
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS build; the plugin objects are the same.
      ...(limits.plugins as unknown as ApolloServerPlugin<GatewayContext>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      config.NODE_ENV === 'production'
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: true }),
      errorLoggingPlugin(logger),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue }) {
              if (contextValue.sessionUpdate) {
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
        '/graphql': apolloRoute(apollo, async (req, res) => {
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
          };
        }),
      },
      logger,
    ),
  );

  const boundPort = await listen(httpServer, port, config.BIND_HOST);
  logger.info({ port: boundPort }, 'gateway ready');
  return {
    url: `http://${config.BIND_HOST}:${boundPort}/graphql`,
    port: boundPort,
    close: async () => {
      await drain.begin();
      // WebSockets first: the HTTP drain would otherwise wait out its grace period for them.
      await subscriptions.close();
      await apollo.stop();
      redis.disconnect();
    },
  };
}
