import 'reflect-metadata';

export * from './errors/custom-error.js';
export { classifyError, formatError } from './errors/format-error.js';
export { errorLoggingPlugin } from './errors/error-logging-plugin.js';
export { isDatabaseConnectionError } from './errors/is-database-connection-error.js';
export { ConfigError, loadConfig, type Env } from './config/load-config.js';
export {
  baseConfigSchema,
  booleanSchema,
  checkVoucherKey,
  databaseConfigSchema,
  jwtKeySchema,
  namespaceSchema,
  portSchema,
  signingKeysConfigSchema,
  voucherKeysConfigSchema,
  voucherKeySchema,
  type BaseConfig,
  type DatabaseConfig,
  type VoucherKeysConfig,
} from './config/base-config.js';
export type { Identity, Role } from './auth/identity.js';
export { assertSignedIn } from './auth/assert-signed-in.js';
export {
  ACCESS_TOKEN_TTL_SECONDS,
  signAccessToken,
  verifyAccessToken,
  type SignedAccessToken,
} from './auth/access-token.js';
export {
  deriveInternalKey,
  INTERNAL_IDENTITY_HEADER,
  INTERNAL_IDENTITY_TTL_SECONDS,
  readInternalIdentity,
  REQUEST_ID_HEADER,
  signInternalIdentity,
  voucherKeyOf,
  type VouchedRequest,
} from './auth/internal-identity.js';
export { createLogger, type Logger } from './logging/logger.js';
export { databaseName, openDatabase, type Database, type DatabaseOptions } from './db/open-database.js';
export { isUuid } from './db/is-uuid.js';
export { assertRedisReachable, createRedis, Redis, redisKeyPrefix } from './redis/create-redis.js';
export { DateTimeScalar } from './graphql/date-time-scalar.js';
export {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  MAX_PAGE_SIZE,
  parsePageArgs,
  toConnection,
  type Connection,
  type PageInfoShape,
  type PageRequest,
  type Position,
} from './graphql/pagination.js';
export { PageInfo } from './graphql/page-info.js';
export { PageArgs } from './graphql/page-args.js';
export {
  buildFederatedSchema,
  printFederatedSchema,
  type ReferenceResolvers,
} from './graphql/build-federated-schema.js';
export type { SubgraphContext } from './server/subgraph-context.js';
export {
  listen,
  startSubgraphServer,
  type RunningServer,
  type SubgraphServerOptions,
} from './server/start-subgraph-server.js';
export { Drain, healthRoute, readinessRoute, runReadiness, type ReadinessCheck } from './server/readiness.js';
export { apolloRoute, BodyTooLargeError, httpRoutes, readBody, sendJson, type Route } from './server/http-routes.js';
export { runMain, type Stoppable } from './server/run-main.js';
export {
  CLEAR_SESSION,
  decodeSessionHeader,
  encodeSessionHeader,
  REFRESH_TOKEN_HEADER,
  SESSION_HEADER,
  type SessionCookies,
} from './auth/session-headers.js';
export * from './events/index.js';
export * from './wait/index.js';
export { openSubgraphRuntime, type RuntimeOptions, type SubgraphRuntime } from './server/subgraph-runtime.js';
export { LiveUpdates } from './live/live-updates.js';
export { prepend } from './live/prepend.js';
export { serveSubscriptions } from './server/serve-subscriptions.js';
export { within } from './server/within.js';
export { createMetricsRegistry } from './server/metrics/service-metrics.js';
export { metricsPortFor, startMetricsServer, type MetricsServer } from './server/metrics/metrics-server.js';
export { metricsRoute } from './server/metrics/metrics-route.js';
export { registerEventBusMetrics } from './server/metrics/event-bus-metrics.js';
// Services make their own metrics with the one prom-client their registries come from.
export { Counter, Gauge, Histogram, type Registry } from 'prom-client';
