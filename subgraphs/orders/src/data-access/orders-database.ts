import type { Generated, Selectable } from 'kysely';

export type OrderStatus = 'AWAITING_PAYMENT' | 'COMPLETE' | 'CANCELLED';

/** What orders knows of each stuff, kept from catalog's events. */
export interface StuffCopiesTable {
  id: string;
  sellerId: string;
  title: string;
  priceCents: number;
  currency: string;
  version: number;
}

export interface OrdersTable {
  id: Generated<string>;
  stuffId: string;
  buyerId: string;
  sellerId: string;
  status: OrderStatus;
  priceCents: number;
  currency: string;
  expiresAt: Date;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  version: Generated<number>;
  /** The payment attempt holding the order past its expiry, and how long at most. */
  heldBy: Generated<string | null>;
  heldUntil: Generated<Date | null>;
}

export interface OrdersDatabase {
  stuffCopies: StuffCopiesTable;
  orders: OrdersTable;
}

export type StuffCopy = Selectable<StuffCopiesTable>;
export type OrderRow = Selectable<OrdersTable>;
