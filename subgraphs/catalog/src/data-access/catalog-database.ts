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

export type PhotoStatus = 'RECEIVING' | 'READY';

/** One photo; its bytes (two WebP sizes) are in the PhotoStorage under photoKeys(id). */
export interface PhotosTable {
  id: string;
  uploaderId: string;
  status: Generated<PhotoStatus>;
  width: number | null;
  height: number | null;
  etag: string | null;
  thumbnailEtag: string | null;
  stuffId: string | null;
  position: number | null;
  unattachedSince: Generated<Date>;
  createdAt: Generated<Date>;
}

export interface PhotoFilesTable {
  key: string;
  bytes: Buffer;
}

export interface CatalogDatabase {
  stuffs: StuffsTable;
  stuffOrders: StuffOrdersTable;
  photos: PhotosTable;
  photoFiles: PhotoFilesTable;
}

export type PhotoRow = Selectable<PhotosTable>;

export type StuffRow = Selectable<StuffsTable>;
export type NewStuff = Insertable<StuffsTable>;
export type StuffOrderRow = Selectable<StuffOrdersTable>;
