import type { ReactNode } from 'react';

/**
 * Outlines of what is on its way, shown while a page waits for its data: the same frames as the
 * real cards, so nothing jumps when they arrive. Screen readers hear "Loading…" once.
 */
function Loading({ children }: { children: ReactNode }) {
  return (
    <div className="skeleton" role="status" aria-busy="true">
      <span className="visually-hidden">Loading…</span>
      {children}
    </div>
  );
}

/** A grid of stuff cards: photo frame, title, price and pill. */
export function StuffListSkeleton({ cards = 8 }: { cards?: number }) {
  return (
    <Loading>
      <ul className="stuff-list" aria-hidden="true">
        {Array.from({ length: cards }, (_, index) => (
          <li key={index} className="card stuff-card">
            <div className="stuff-card-cover">
              <div className="skeleton-photo" />
            </div>
            <div className="stuff-card-body">
              <span className="skeleton-line skeleton-title" />
              <span className="skeleton-line skeleton-price" />
              <span className="skeleton-line skeleton-pill" />
            </div>
          </li>
        ))}
      </ul>
    </Loading>
  );
}

/** A list of order cards: title, price, status and dates. */
export function OrderListSkeleton({ cards = 6 }: { cards?: number }) {
  return (
    <Loading>
      <ul className="order-list" aria-hidden="true">
        {Array.from({ length: cards }, (_, index) => (
          <li key={index} className="card">
            <span className="skeleton-line skeleton-title" />
            <span className="skeleton-line skeleton-price" />
            <span className="skeleton-line skeleton-pill" />
            <span className="skeleton-line" />
          </li>
        ))}
      </ul>
    </Loading>
  );
}
