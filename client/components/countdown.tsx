'use client';

import { useEffect } from 'react';
import { remainingTime } from '../lib/remaining-time';
import { useNow } from '../lib/use-now';

interface CountdownProps {
  /** When the reservation ends (ISO-8601). */
  expiresAt: string;
  /** The server's clock when it rendered the page, so hydration shows the same time. */
  renderedAt: number;
  onExpire?: () => void;
}

/** Time left to pay before the reservation lapses and the stuff is offered to others again. */
export function Countdown({ expiresAt, renderedAt, onExpire }: CountdownProps) {
  const now = useNow(renderedAt);
  const left = remainingTime(Date.parse(expiresAt), now);

  useEffect(() => {
    if (left.expired) onExpire?.();
  }, [left.expired, onExpire]);

  if (left.expired) {
    return <p className="countdown countdown-expired">The reservation has ended.</p>;
  }
  return (
    <p className="countdown">
      Reserved for you for{' '}
      <span role="timer" aria-label={`${left.spoken} left`} className="countdown-time">
        {left.text}
      </span>
    </p>
  );
}
