'use client';

import { useSubscription } from '@apollo/client/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../lib/describe-error';
import { formatPrice } from '../lib/money';
import type {
  OrderDetailFieldsFragment as OrderDetail,
  OrderStatus,
  PaymentFieldsFragment as PaymentSummary,
} from '../lib/graphql/generated/graphql';
import { ORDER_STATUS_CHANGED } from '../lib/graphql/subscriptions';
import { CancelOrderButton } from './cancel-order-button';
import { Countdown } from './countdown';
import { LocalTime } from './local-time';
import { OrderStatusBadge } from './order-status-badge';
import { PaymentForm } from './payment-form';

interface OrderPanelProps {
  order: OrderDetail;
  renderedAt: number;
  /** The visitor's zone as the server rendered in it (visitorTimeZone()). */
  timeZone: string;
  stripePublishableKey: string | null;
}

/** How long a change made here may wait for its live event before the page asks the server. */
const LIVE_FALLBACK_MS = 3_000;

/**
 * The order's live status: countdown, payment and cancel while it awaits payment, the payment
 * once made. Each orderStatusChanged event carries the whole order (payment included), so the
 * panel follows it without a second query; reloading is only the fallback for a lost connection.
 */
export function OrderPanel({ order: rendered, renderedAt, timeZone, stripePublishableKey }: OrderPanelProps) {
  const router = useRouter();
  const { data, error } = useSubscription(ORDER_STATUS_CHANGED, {
    variables: { orderId: rendered.id },
    skip: rendered.status !== 'AWAITING_PAYMENT',
  });
  const [settled, setSettled] = useState<OrderStatus | null>(null);
  const order = data?.orderStatusChanged.order ?? rendered;
  const status = order.status === 'AWAITING_PAYMENT' ? (settled ?? order.status) : order.status;

  // Paid or cancelled here, or expired by the clock, but no event says so yet: the connection
  // may be lost, so after a grace period the server's view is reloaded.
  const [expired, setExpired] = useState(false);
  const markExpired = useCallback(() => setExpired(true), []);
  // Confirmed with the bank (3-D Secure): Stripe's webhook completes the order, the event says so.
  const [confirmedWithBank, setConfirmedWithBank] = useState(false);
  const markConfirmedWithBank = useCallback(() => setConfirmedWithBank(true), []);
  const waiting = order.status === 'AWAITING_PAYMENT' && (settled !== null || expired || confirmedWithBank);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => router.refresh(), LIVE_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [waiting, router]);

  return (
    <>
      <section className="order-panel" aria-label="Order status">
        <div role="status" aria-live="polite" className="order-status">
          <OrderStatusBadge status={status} />
          {status === 'COMPLETE' ? <p>Paid. The stuff is yours.</p> : null}
          {status === 'CANCELLED' ? (
            <p>
              This order was cancelled and the stuff was offered to others again.{' '}
              <Link href={`/stuff/${order.stuff.id}`}>See {order.stuff.title}</Link>
            </p>
          ) : null}
        </div>
        {status === 'AWAITING_PAYMENT' ? (
          <>
            <Countdown expiresAt={order.expiresAt} renderedAt={renderedAt} onExpire={markExpired} />
            <PaymentForm
              orderId={order.id}
              priceCents={order.priceCents}
              currency={order.currency}
              stripePublishableKey={stripePublishableKey}
              onPaid={() => setSettled('COMPLETE')}
              onConfirmedWithBank={markConfirmedWithBank}
            />
            <CancelOrderButton orderId={order.id} onCancelled={() => setSettled('CANCELLED')} />
          </>
        ) : null}
        {error && status === 'AWAITING_PAYMENT' ? (
          <p className="muted live-error">Live updates paused: {describeError(error).message}</p>
        ) : null}
      </section>
      {order.payment ? <PaymentDetails payment={order.payment} renderedAt={renderedAt} timeZone={timeZone} /> : null}
    </>
  );
}

function PaymentDetails({
  payment,
  renderedAt,
  timeZone,
}: {
  payment: PaymentSummary;
  renderedAt: number;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="payment-details">
      <h2 id="payment-details">Payment</h2>
      <dl className="details">
        <dt>Charged</dt>
        <dd>{formatPrice(payment.amountCents, payment.currency)}</dd>
        {payment.couponCode ? (
          <>
            <dt>Coupon</dt>
            <dd>{payment.couponCode}</dd>
          </>
        ) : null}
        <dt>Paid</dt>
        <dd>
          <LocalTime iso={payment.createdAt} renderedAt={renderedAt} timeZone={timeZone} />
        </dd>
      </dl>
    </section>
  );
}
