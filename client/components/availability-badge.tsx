import type { Availability } from '../lib/graphql/generated/graphql';

const WORDS: Record<Availability, string> = { AVAILABLE: 'Available', RESERVED: 'Reserved', SOLD: 'Sold' };

export function AvailabilityBadge({ availability }: { availability: Availability }) {
  return <span className={`badge badge-${availability.toLowerCase()}`}>{WORDS[availability]}</span>;
}
