/**
 * `@stuffmart/common/runtime`: what every process of ours needs, and nothing a subgraph alone
 * needs (no type-graphql, no Kysely or pg, no federation, no event bus). The gateway and the
 * worker import this (and the worker `@stuffmart/common/events`), so they load only what they
 * use; subgraphs import the whole package (`@stuffmart/common`), which includes this.
 */
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
export {
  CLEAR_SESSION,
  decodeSessionHeader,
  encodeSessionHeader,
  REFRESH_TOKEN_HEADER,
  SESSION_HEADER,
  type SessionCookies,
} from './auth/session-headers.js';
export { createLogger, type Logger } from './logging/logger.js';
export { assertRedisReachable, createRedis, Redis, redisKeyPrefix, whenReady } from './redis/create-redis.js';
export { listen } from './server/listen.js';
export type { RunningServer } from './server/start-subgraph-server.js';
export { Drain, healthRoute, readinessRoute, runReadiness, type ReadinessCheck } from './server/readiness.js';
export { apolloRoute, BodyTooLargeError, httpRoutes, readBody, sendJson, type Route } from './server/http-routes.js';
export { runMain, type Stoppable } from './server/run-main.js';
export {
  BATCH_CONTENT_TYPE,
  BatchFrameReader,
  encodeBatchRequest,
  MAX_BATCH_BYTES,
  MAX_BATCH_OPERATIONS,
  SUBGRAPH_BATCH_PATH,
  type BatchFrameHead,
} from './server/subgraph-batch.js';
export { within } from './server/within.js';
export { createMetricsRegistry } from './server/metrics/service-metrics.js';
export { metricsPortFor, startMetricsServer, type MetricsServer } from './server/metrics/metrics-server.js';
export { metricsRoute } from './server/metrics/metrics-route.js';
export {
  countBatchOutcomes,
  countHandlerOutcomes,
  eventsHandledCounter,
  registerEventBusMetrics,
} from './server/metrics/event-bus-metrics.js';
export * from './telemetry/index.js';
// Services make their own metrics with the one prom-client their registries come from.
export { Counter, Gauge, Histogram, type Registry } from 'prom-client';
