import type { SubgraphContext } from '@stuffmart/common';
import type DataLoader from 'dataloader';
import type { StuffRow } from '../data-access/catalog-database.js';
import type { CatalogDeps } from '../domain/catalog-deps.js';

export interface CatalogContext extends SubgraphContext {
  deps: CatalogDeps;
  /** Batches every stuff look-up of one request (entity references included) into one query. */
  stuffs: DataLoader<string, StuffRow | null>;
  /** Batches `User.stuffs` of one request into one query, whatever the number of users. */
  stuffsBySeller: DataLoader<string, StuffRow[]>;
}
