import type { Generated, Insertable, Selectable } from 'kysely';

export type Availability = 'AVAILABLE' | 'RESERVED' | 'SOLD';
/** The kinds of stuff a buyer can narrow the catalogue to; OTHER when the seller says nothing. */
export const CATEGORIES = [
  'NOTES',
  'TEXTBOOKS',
  'TICKETS',
  'ELECTRONICS',
  'FURNITURE',
  'CLOTHING',
  'SPORTS',
  'OTHER',
] as const;
export type Category = (typeof CATEGORIES)[number];
export type OrderStatus = 'AWAITING_PAYMENT' | 'CANCELLED' | 'COMPLETE';

export interface StuffsTable {
  id: Generated<string>;
  sellerId: string;
  title: string;
  description: string;
  priceCents: number;
  currency: string;
  category: Generated<Category>;
  version: Generated<number>;
  /**
   * Derived from the orders stream so that updateStuff can refuse edits; clients read
   * availability from the orders subgraph, which owns it.
   */
  availability: Generated<Availability>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

/** What catalog knows of each order: enough to derive its stuff's availability. */
export interface StuffOrdersTable {
  orderId: string;
  stuffId: string;
  status: OrderStatus;
  /** The order's last applied event version, for applying its events in order. */
  version: number;
}

export interface CatalogDatabase {
  stuffs: StuffsTable;
  stuffOrders: StuffOrdersTable;
}

export type StuffRow = Selectable<StuffsTable>;
export type NewStuff = Insertable<StuffsTable>;
export type StuffOrderRow = Selectable<StuffOrdersTable>;
