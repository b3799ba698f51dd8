import type { SubgraphContext } from '@stuffmart/common';
import type DataLoader from 'dataloader';
import type { PhotoRow, StuffRow } from '../data-access/catalog-database.js';
import type { CatalogDeps } from '../domain/catalog-deps.js';
import type { SellerPageKey } from './stuff-loaders.js';

export interface CatalogContext extends SubgraphContext {
  deps: CatalogDeps;
  /** Batches every stuff look-up of one request (entity references included) into one query. */
  stuffs: DataLoader<string, StuffRow | null>;
  /** Batches `User.stuffs` of one request: one query per (first, after), whatever the number of users. */
  stuffPagesBySeller: DataLoader<SellerPageKey, StuffRow[], string>;
  /** Batches `Stuff.photos` of one request into one query. */
  photosOfStuff: DataLoader<string, PhotoRow[]>;
}
