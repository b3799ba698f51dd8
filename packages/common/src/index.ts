import 'reflect-metadata';

// What every process needs (also importable alone, as @stuffmart/common/runtime).
export * from './runtime.js';
// The event bus (also importable alone, as @stuffmart/common/events).
export * from './events/index.js';
// What only the subgraphs need: their database, their GraphQL schema and their host.
export { databaseName, openDatabase, type Database, type DatabaseOptions } from './db/open-database.js';
export { isUuid } from './db/is-uuid.js';
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
export { startSubgraphServer, type SubgraphServerOptions } from './server/start-subgraph-server.js';
export * from './wait/index.js';
export { openSubgraphRuntime, type RuntimeOptions, type SubgraphRuntime } from './server/subgraph-runtime.js';
export { serveSubscriptions } from './server/serve-subscriptions.js';
export { DrainLoop, type DrainLoopOptions } from './jobs/drain-loop.js';
