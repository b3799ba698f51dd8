import type { SubgraphContext } from '@stuffmart/common';
import type DataLoader from 'dataloader';
import type { OrderRow } from '../data-access/orders-database.js';
import type { OrdersDeps } from '../domain/orders-deps.js';

export interface OrdersContext extends SubgraphContext {
  deps: OrdersDeps;
  /** Orders by id, batched per request. */
  orders: DataLoader<string, OrderRow | null>;
  /** The order holding or owning each stuff, batched: one query for a whole page of stuff. */
  activeOrders: DataLoader<string, OrderRow | null>;
}
