import { openSubgraphRuntime, STREAMS, transactionalHandler, type RunningServer } from '@stuffmart/common';
import type { CatalogConfig } from './config.js';
import type { CatalogDatabase } from './data-access/catalog-database.js';
import { catalogMigrations } from './data-access/migrations/index.js';
import type { CatalogDeps } from './domain/catalog-deps.js';
import { applyOrderEvent } from './events/apply-order-event.js';
import { buildCatalogSchema } from './graphql/build-catalog-schema.js';
import type { CatalogContext } from './graphql/catalog-context.js';
import { createStuffLoaders } from './graphql/stuff-loaders.js';

export async function startCatalog(config: CatalogConfig, port = config.CATALOG_PORT): Promise<RunningServer> {
  const runtime = await openSubgraphRuntime<CatalogDatabase>({
    name: 'catalog',
    config,
    migrations: catalogMigrations,
    port,
  });
  const { database } = runtime;
  const deps: CatalogDeps = { db: database.db, relay: runtime.relay };
  try {
    runtime.consume(STREAMS.orders, transactionalHandler(database.db, STREAMS.orders, applyOrderEvent));
    await runtime.startConsumers();
  } catch (error) {
    await runtime.close();
    throw error;
  }
  return runtime.serve<CatalogContext>({
    schema: await buildCatalogSchema(),
    port,
    host: config.BIND_HOST,
    extendContext: (base) => ({ ...base, deps, ...createStuffLoaders(database.db) }),
  });
}
