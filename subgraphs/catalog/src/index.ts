import 'reflect-metadata';

export { catalogConfigSchema, type CatalogConfig } from './config.js';
export { buildCatalogSchema } from './graphql/build-catalog-schema.js';
export { startCatalog } from './start-catalog.js';
