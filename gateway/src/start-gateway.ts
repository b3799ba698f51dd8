import http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import {
  assertRedisReachable,
  createLogger,
  createRedis,
  deriveInternalKey,
  errorLoggingPlugin,
  formatError,
  listen,
  readinessHandler,
  type RunningServer,
} from '@stuffmart/common';
import express from 'express';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './gateway-context.js';
import { MAX_QUERY_TOKENS, queryLimits } from './query-limits.js';
import { subgraphReadiness } from './readiness.js';
import { readCredentials, requestIdOf } from './request-identity.js';
import { writeSessionCookies } from './session-cookies.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { loadSupergraph } from './supergraph.js';

export async function startGateway(config: GatewayConfig, port = config.GATEWAY_PORT): Promise<RunningServer> {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const redis = createRedis(config.REDIS_URL, config.STUFFMART_NAMESPACE, logger);
  await assertRedisReachable(redis, config.REDIS_URL).catch((error) => {
    redis.disconnect();
    throw error;
  });
  const supergraph = await loadSupergraph(config.SUPERGRAPH_PATH, config.SUBGRAPH_URLS);
  const internalKey = deriveInternalKey(config.JWT_KEY);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  const httpServer = http.createServer(app);
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.sdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({ name, url: supergraph.subgraphUrls[name] ?? url ?? '', internalKey, logger }),
  });
  const limits = queryLimits(config);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
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

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get(
    '/readyz',
    readinessHandler({ redis: () => redis.ping(), ...subgraphReadiness(supergraph.subgraphUrls) }, logger),
  );
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(req);
        res.setHeader('x-request-id', requestId);
        const credentials = readCredentials(config.JWT_KEY, req);
        return {
          ...credentials,
          clientIp: req.ip ?? null,
          requestId,
          logger: logger.child({ requestId }),
          sessionUpdate: null,
          res,
        };
      },
    }),
  );

  const boundPort = await listen(httpServer, port, config.BIND_HOST);
  logger.info({ port: boundPort }, 'gateway ready');
  return {
    url: `http://${config.BIND_HOST}:${boundPort}/graphql`,
    port: boundPort,
    close: async () => {
      await apollo.stop();
      redis.disconnect();
    },
  };
}
