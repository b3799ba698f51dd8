import Link from 'next/link';
import type { StuffCardFieldsFragment as StuffSummary } from '../lib/graphql/generated/graphql';
import { categoryLabel } from '../lib/categories';
import { excerpt } from '../lib/excerpt';
import { formatPrice } from '../lib/money';
import { AvailabilityBadge } from './availability-badge';
import { LinkPending } from './link-pending';
import { StuffCardCover } from './stuff-card-cover';

/** The first row or so is in sight on arrival: those photos load at once, the rest when scrolled to. */
const EAGER_COVERS = 4;

/**
 * A grid of photo cards. The title's link stretches over the whole card (see .stuff-card in
 * globals.css), so a tap anywhere opens the stuff while a screen reader hears one link per card.
 */
export function StuffList({ stuffs, editable = false }: { stuffs: StuffSummary[]; editable?: boolean }) {
  return (
    <ul className="stuff-list">
      {stuffs.map((stuff, index) => (
        <li key={stuff.id} className="card stuff-card">
          <StuffCardCover photo={stuff.photos[0]} eager={index < EAGER_COVERS} />
          <div className="stuff-card-body">
            <h2 className="stuff-card-title">
              <Link href={`/stuff/${stuff.id}`}>
                {stuff.title}
                <LinkPending />
              </Link>
            </h2>
            <p className="price">{formatPrice(stuff.priceCents, stuff.currency)}</p>
            <p className="stuff-card-meta">
              <AvailabilityBadge availability={stuff.availability} />
              <span className="category">{categoryLabel(stuff.category)}</span>
            </p>
            {stuff.description ? <p className="stuff-card-excerpt muted">{excerpt(stuff.description, 140)}</p> : null}
            {editable ? (
              <p className="stuff-card-edit">
                <Link href={`/stuff/${stuff.id}/edit`} aria-label={`Edit ${stuff.title}`}>
                  Edit
                </Link>
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
