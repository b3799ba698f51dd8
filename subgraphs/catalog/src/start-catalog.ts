import { openSubgraphRuntime, transactionalHandlers, voucherKeyOf, type RunningServer } from '@stuffmart/common';
import { STREAMS } from '@stuffmart/contract/events';
import type { CatalogConfig } from './config.js';
import type { CatalogDatabase } from './data-access/catalog-database.js';
import { catalogMigrations } from './data-access/migrations/index.js';
import { postgresPhotoStorage, type PhotoStorage } from './data-access/photo-storage.js';
import { s3PhotoStorage } from './data-access/s3-photo-storage.js';
import type { CatalogDeps } from './domain/catalog-deps.js';
import { sweepOrphanPhotos } from './domain/sweep-orphan-photos.js';
import { uploadTokenKey } from './domain/upload-token.js';
import { photoRoutes } from './http/photo-routes.js';
import { applyNewOrders, applyOrderEvent, ORDER_EVENTS_APPLIED } from './events/apply-order-event.js';
import { buildCatalogSchema } from './graphql/build-catalog-schema.js';
import type { CatalogContext } from './graphql/catalog-context.js';
import { createPhotoLoader } from './graphql/photo-loaders.js';
import { createStuffLoaders } from './graphql/stuff-loaders.js';

export async function startCatalog(config: CatalogConfig, port = config.CATALOG_PORT): Promise<RunningServer> {
  const runtime = await openSubgraphRuntime<CatalogDatabase>({
    name: 'catalog',
    config,
    migrations: catalogMigrations,
    port,
  });
  const { database } = runtime;
  const storage = openPhotoStorage(config, database.db);
  const deps: CatalogDeps = {
    db: database.db,
    relay: runtime.relay,
    photos: {
      storage,
      uploadKey: uploadTokenKey(voucherKeyOf(config)),
      defaultPublicUrl: new URL(config.GATEWAY_PUBLIC_URL).origin,
      orphanAgeMs: config.PHOTO_ORPHAN_AGE_MS,
    },
  };
  try {
    runtime.consume(
      STREAMS.orders,
      transactionalHandlers(database.db, STREAMS.orders, applyOrderEvent, {
        types: ORDER_EVENTS_APPLIED,
        applyAtOnce: applyNewOrders,
      }),
    );
    await runtime.startConsumers();
  } catch (error) {
    storage.close?.();
    await runtime.close();
    throw error;
  }
  // Every catalog replica sweeps; SKIP LOCKED lets them share the work instead of colliding.
  const sweeping = setInterval(() => {
    sweepOrphanPhotos(deps).catch((error: unknown) =>
      runtime.logger.error({ err: (error as Error).message }, 'orphan photo sweep failed'),
    );
  }, config.PHOTO_SWEEP_INTERVAL_MS);
  sweeping.unref();
  return runtime.serve<CatalogContext>({
    schema: await buildCatalogSchema(),
    port,
    host: config.BIND_HOST,
    routes: photoRoutes(deps),
    extendContext: (base) => ({
      ...base,
      deps,
      ...createStuffLoaders(database.db),
      photosOfStuff: createPhotoLoader(database.db),
    }),
    alsoClose: async () => {
      clearInterval(sweeping);
      storage.close?.();
    },
  });
}

function openPhotoStorage(config: CatalogConfig, db: CatalogDeps['db']): PhotoStorage & { close?(): void } {
  if (config.PHOTO_STORAGE === 'postgres') return postgresPhotoStorage(db);
  return s3PhotoStorage({
    endpoint: config.S3_ENDPOINT,
    bucket: config.S3_BUCKET!,
    accessKeyId: config.S3_ACCESS_KEY_ID!,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
    region: config.S3_REGION,
  });
}
