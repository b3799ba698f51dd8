/** The contract's types (shared/contract/api.graphql), as far as the client reads them. */

export type Role = 'USER' | 'ADMIN';
export type Availability = 'AVAILABLE' | 'RESERVED' | 'SOLD';
export type Category =
  'NOTES' | 'TEXTBOOKS' | 'TICKETS' | 'ELECTRONICS' | 'FURNITURE' | 'CLOTHING' | 'SPORTS' | 'OTHER';
export type OrderStatus = 'AWAITING_PAYMENT' | 'COMPLETE' | 'CANCELLED';
export type PaymentStatus = 'SUCCEEDED' | 'FAILED' | 'PROCESSING' | 'REQUIRES_ACTION';

/** A person as anyone may see them: `displayName` and `emailVerified` are public, the e-mail is not. */
export interface Person {
  id: string;
  displayName: string;
  /** The "verified student" badge. */
  emailVerified: boolean;
}

/** The one looking. `User.email` is private: non-null for the user themself and ADMINs, null for anyone else. */
export interface Viewer extends Person {
  email: string | null;
  role: Role;
}

/** Where a page sits in its list (every connection's `pageInfo`). */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A page of a list as the storefront reads it: the nodes and where the page sits. */
export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

export interface StuffSummary {
  id: string;
  title: string;
  description: string;
  priceCents: number;
  currency: string;
  category: Category;
  availability: Availability;
  /** Only the cover is shown on a card; its size is set so the grid does not shift as it loads. */
  photos: CardPhoto[];
}

/** What a catalogue card needs of a photo: the small copy and the shape of the original. */
export interface CardPhoto {
  thumbnailUrl: string;
  width: number;
  height: number;
}

/** A stored photo: WebP, `url` at most 1600 px on the long side, `thumbnailUrl` 400 px. */
export interface Photo {
  id: string;
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
}

export interface StuffDetail extends StuffSummary {
  photos: Photo[];
  version: number;
  createdAt: string;
  reservedUntil: string | null;
  seller: Person;
}

export interface PaymentSummary {
  id: string;
  amountCents: number;
  currency: string;
  status: PaymentStatus;
  couponCode: string | null;
  createdAt: string;
}

export interface OrderSummary {
  id: string;
  status: OrderStatus;
  priceCents: number;
  currency: string;
  expiresAt: string;
  createdAt: string;
  stuff: { id: string; title: string };
}

export interface OrderDetail extends OrderSummary {
  payment: PaymentSummary | null;
}

export interface CouponSummary {
  code: string;
  percentOff: number;
  maxRedemptions: number;
  redemptions: number;
  expiresAt: string | null;
  createdAt: string;
  createdBy: Pick<Person, 'id' | 'displayName'>;
}

export interface StuffAvailability {
  stuffId: string;
  availability: Availability;
  reservedUntil: string | null;
  message: string | null;
}

export interface OrderStatusUpdate {
  orderId: string;
  status: OrderStatus;
  expiresAt: string;
  /** The order as the event leaves it, payment and stuff included (resolved by the gateway). */
  order: OrderDetail;
}

/** `Query.stuffs(filter:)`; all given conditions must hold. */
export interface StuffFilter {
  query?: string;
  availability?: Availability[];
  minPriceCents?: number;
  maxPriceCents?: number;
  currency?: string;
  category?: Category;
}
