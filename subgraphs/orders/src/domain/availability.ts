import type { OrderRow } from '../data-access/orders-database.js';

export type Availability = 'AVAILABLE' | 'RESERVED' | 'SOLD';

export interface StuffState {
  stuffId: string;
  availability: Availability;
  reservedUntil: Date | null;
  /** The buyer holding the reservation; never shown, it decides who sees the message. */
  holderId: string | null;
}

/** A stuff's availability is nothing but the order that holds or owns it, if any. */
export function stuffState(stuffId: string, activeOrder: OrderRow | null | undefined): StuffState {
  if (activeOrder?.status === 'COMPLETE') return { stuffId, availability: 'SOLD', reservedUntil: null, holderId: null };
  if (activeOrder?.status === 'AWAITING_PAYMENT') {
    return { stuffId, availability: 'RESERVED', reservedUntil: activeOrder.expiresAt, holderId: activeOrder.buyerId };
  }
  return { stuffId, availability: 'AVAILABLE', reservedUntil: null, holderId: null };
}
