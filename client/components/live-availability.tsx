'use client';

import { useSubscription } from '@apollo/client/react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { describeError, STUFF_RESERVED_MESSAGE } from '../lib/describe-error';
import type { Availability } from '../lib/graphql/generated/graphql';
import { STUFF_AVAILABILITY_CHANGED } from '../lib/graphql/subscriptions';
import { AvailabilityBadge } from './availability-badge';
import { BuyButton } from './buy-button';
import { LocalTime } from './local-time';

interface LiveAvailabilityProps {
  stuffId: string;
  /** What the server rendered; the subscription's first event replaces it. */
  initial: { availability: Availability; reservedUntil: string | null };
  viewer: 'anonymous' | 'seller' | 'buyer';
  /** The viewer's own open order for this stuff, when they hold it. */
  heldOrderId: string | null;
  /** The visitor's zone and the server's clock when it rendered, for the time the hold ends. */
  timeZone: string;
  renderedAt: number;
}

/**
 * The stuff's availability as it changes, pushed by the gateway: when someone presses BUY,
 * everyone else watching sees the reserved message and a disabled BUY without reloading.
 */
export function LiveAvailability({
  stuffId,
  initial,
  viewer,
  heldOrderId,
  timeZone,
  renderedAt,
}: LiveAvailabilityProps) {
  const { data, error, restart } = useSubscription(STUFF_AVAILABILITY_CHANGED, { variables: { stuffId } });
  const live = data?.stuffAvailabilityChanged;
  const availability = live?.availability ?? initial.availability;
  const reservedUntil = live ? live.reservedUntil : initial.reservedUntil;
  // The server leaves the message out for the one buyer who holds the stuff.
  const holding =
    availability === 'RESERVED' &&
    viewer === 'buyer' &&
    (heldOrderId !== null || (live !== undefined && !live.message));

  let explanation: ReactNode = null;
  if (availability === 'SOLD') explanation = 'This stuff has been sold.';
  else if (holding)
    explanation = (
      <>
        You are holding this stuff
        {reservedUntil ? (
          <>
            {' until '}
            <LocalTime iso={reservedUntil} renderedAt={renderedAt} timeZone={timeZone} exact />
          </>
        ) : null}
        . <Link href={heldOrderId ? `/orders/${heldOrderId}` : '/orders'}>Pay for your order</Link>
      </>
    );
  else if (availability === 'RESERVED') explanation = live?.message || STUFF_RESERVED_MESSAGE;
  else if (viewer === 'seller') explanation = 'This is your stuff; others can buy it.';

  return (
    <section className="live-availability" aria-label="Availability">
      <div role="status" aria-live="polite" className="availability-status">
        <AvailabilityBadge availability={availability} />
        {explanation ? <p className="availability-message">{explanation}</p> : null}
      </div>
      <BuyButton
        stuffId={stuffId}
        signedIn={viewer !== 'anonymous'}
        disabled={availability !== 'AVAILABLE' || viewer === 'seller'}
      />
      {error ? (
        <p className="muted live-error">
          Live updates paused: {describeError(error).message}{' '}
          <button type="button" className="button button-quiet" onClick={restart}>
            Try again
          </button>
        </p>
      ) : null}
    </section>
  );
}
