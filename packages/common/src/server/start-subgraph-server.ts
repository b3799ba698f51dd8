import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { deriveInternalKey, INTERNAL_IDENTITY_HEADER, readInternalIdentity } from '../auth/internal-identity.js';
import { errorLoggingPlugin } from '../errors/error-logging-plugin.js';
import { formatError } from '../errors/format-error.js';
import type { SubgraphContext } from './subgraph-context.js';
import { readinessHandler, type ReadinessCheck } from './readiness.js';

export interface SubgraphServerOptions<C extends SubgraphContext> {
  name: string;
  schema: GraphQLSchema;
  port: number;
  host?: string;
  jwtKey: string;
  logger: Logger;
  readiness: Record<string, ReadinessCheck>;
  extendContext?: (base: SubgraphContext) => C;
  /** Extra routes (e.g. a webhook) mounted before /graphql. */
  routes?: (app: express.Express) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Hosts one subgraph: /graphql for the gateway, /healthz and /readyz for operators. Identity
 * comes only from the gateway's signed voucher, so a direct caller who forges headers is
 * signed out.
 */
export async function startSubgraphServer<C extends SubgraphContext>(
  options: SubgraphServerOptions<C>,
): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const internalKey = deriveInternalKey(options.jwtKey);
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // We send no usage reports to Apollo, so the gateway never needs field timings.
      ApolloServerPluginInlineTraceDisabled(),
      errorLoggingPlugin(options.logger),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', readinessHandler(options.readiness, options.logger));
  options.routes?.(app);
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const vouched = readInternalIdentity(internalKey, req.header(INTERNAL_IDENTITY_HEADER));
        const requestId = vouched.requestId ?? randomUUID();
        const base: SubgraphContext = {
          user: vouched.user,
          clientIp: vouched.clientIp,
          requestId,
          logger: options.logger.child({ requestId }),
          setResponseHeader: (name, value) => res.setHeader(name, value),
          requestHeader: (name) => req.header(name),
        };
        return options.extendContext ? options.extendContext(base) : (base as C);
      },
    }),
  );

  const host = options.host ?? '127.0.0.1';
  const port = await listen(httpServer, options.port, host);
  options.logger.info({ port }, `${options.name} subgraph ready`);
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    close: async () => {
      await apollo.stop();
    },
  };
}
