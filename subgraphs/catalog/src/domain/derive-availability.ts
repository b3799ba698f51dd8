import type { Availability, OrderStatus } from '../data-access/catalog-database.js';

/** A sale is for good; otherwise any order awaiting payment holds the stuff. */
export function deriveAvailability(orderStatuses: readonly OrderStatus[]): Availability {
  if (orderStatuses.includes('COMPLETE')) return 'SOLD';
  if (orderStatuses.includes('AWAITING_PAYMENT')) return 'RESERVED';
  return 'AVAILABLE';
}
