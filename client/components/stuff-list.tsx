import Link from 'next/link';
import type { StuffSummary } from '../lib/graphql/schema-types';
import { categoryLabel } from '../lib/categories';
import { excerpt } from '../lib/excerpt';
import { formatPrice } from '../lib/money';
import { AvailabilityBadge } from './availability-badge';
import { LinkPending } from './link-pending';

export function StuffList({ stuffs, editable = false }: { stuffs: StuffSummary[]; editable?: boolean }) {
  return (
    <ul className="stuff-list">
      {stuffs.map((stuff) => (
        <li key={stuff.id} className="card stuff-card">
          <h2 className="stuff-card-title">
            <Link href={`/stuff/${stuff.id}`}>
              {stuff.title}
              <LinkPending />
            </Link>
          </h2>
          <p className="price">{formatPrice(stuff.priceCents, stuff.currency)}</p>
          <AvailabilityBadge availability={stuff.availability} />{' '}
          <span className="category">{categoryLabel(stuff.category)}</span>
          {stuff.description ? <p className="muted">{excerpt(stuff.description, 140)}</p> : null}
          {editable ? (
            <p>
              <Link href={`/stuff/${stuff.id}/edit`} aria-label={`Edit ${stuff.title}`}>
                Edit
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
