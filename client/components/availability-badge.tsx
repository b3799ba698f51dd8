import type { Availability } from '../lib/graphql/schema-types';

const WORDS: Record<Availability, string> = { AVAILABLE: 'Available', RESERVED: 'Reserved', SOLD: 'Sold' };

export function AvailabilityBadge({ availability }: { availability: Availability }) {
  return <span className={`badge badge-${availability.toLowerCase()}`}>{WORDS[availability]}</span>;
}
