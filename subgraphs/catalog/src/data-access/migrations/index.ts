import { createEventTables } from '@stuffmart/common';
import type { Migration } from 'kysely';
import { createStuffs } from './0001-create-stuffs.js';
import { createStuffOrders } from './0002-create-stuff-orders.js';
import { addSearchAndCategories } from './0004-add-search-and-categories.js';
import { createPhotos } from './0005-create-photos.js';

/** Applied in key order; never edit one that has shipped, add the next. */
export const catalogMigrations: Record<string, Migration> = {
  '0001-create-stuffs': createStuffs,
  '0002-create-stuff-orders': createStuffOrders,
  '0003-create-event-tables': createEventTables,
  '0004-add-search-and-categories': addSearchAndCategories,
  '0005-create-photos': createPhotos,
};
