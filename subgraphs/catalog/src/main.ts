import 'reflect-metadata';
import { loadConfig, runMain } from '@stuffmart/common';
import { catalogConfigSchema } from './config.js';
import { startCatalog } from './start-catalog.js';

await runMain('catalog', () => startCatalog(loadConfig(catalogConfigSchema)));
