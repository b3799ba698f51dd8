import type { OrderStatus } from '../data-access/orders-database.js';
import type { Availability } from '../domain/availability.js';

/** Live channels orders publishes on; payloads are JSON, so dates travel as ISO strings. */
export const stuffTopic = (stuffId: string) => `stuff:${stuffId}`;
export const orderTopic = (orderId: string) => `order:${orderId}`;

export interface StuffLivePayload {
  stuffId: string;
  availability: Availability;
  reservedUntil: string | null;
  holderId: string | null;
}

/** The order as it now stands, so that `order { … }` of an event needs no read of its own. */
export interface OrderLivePayload {
  orderId: string;
  buyerId: string;
  stuffId: string;
  status: OrderStatus;
  priceCents: number;
  currency: string;
  expiresAt: string;
  createdAt: string;
}
