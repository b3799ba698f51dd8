import type { ReactNode } from 'react';

interface ListSkeletonProps {
  /** The real list's and card's classes, for the same grid and frames. */
  listClass: string;
  cardClass: string;
  count: number;
  card: ReactNode;
}

/**
 * Outlines of what is on its way, shown while a page waits for its data: `count` copies of a
 * card in the same list and frames as the real ones, so nothing jumps when they arrive. Screen
 * readers hear "Loading…" once.
 */
function ListSkeleton({ listClass, cardClass, count, card }: ListSkeletonProps) {
  return (
    <div className="skeleton" role="status" aria-busy="true">
      <span className="visually-hidden">Loading…</span>
      <ul className={listClass} aria-hidden="true">
        {Array.from({ length: count }, (_, index) => (
          <li key={index} className={cardClass}>
            {card}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A grid of stuff cards: photo frame, title, price and pill. */
export function StuffListSkeleton() {
  const card = (
    <>
      <div className="stuff-card-cover">
        <div className="skeleton-photo" />
      </div>
      <div className="stuff-card-body">
        <span className="skeleton-line skeleton-title" />
        <span className="skeleton-line skeleton-price" />
        <span className="skeleton-line skeleton-pill" />
      </div>
    </>
  );
  return <ListSkeleton listClass="stuff-list" cardClass="card stuff-card" count={8} card={card} />;
}

/** A list of order cards: title, price, status and dates. */
export function OrderListSkeleton() {
  const card = (
    <>
      <span className="skeleton-line skeleton-title" />
      <span className="skeleton-line skeleton-price" />
      <span className="skeleton-line skeleton-pill" />
      <span className="skeleton-line" />
    </>
  );
  return <ListSkeleton listClass="order-list" cardClass="card" count={6} card={card} />;
}
