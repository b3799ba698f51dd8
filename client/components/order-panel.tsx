'use client';

import { useSubscription } from '@apollo/client/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../lib/describe-error';
import type { OrderStatus } from '../lib/graphql/schema-types';
import { ORDER_STATUS_CHANGED } from '../lib/graphql/subscriptions';
import { CancelOrderButton } from './cancel-order-button';
import { Countdown } from './countdown';
import { OrderStatusBadge } from './order-status-badge';
import { PaymentForm } from './payment-form';

interface OrderPanelProps {
  order: {
    id: string;
    status: OrderStatus;
    expiresAt: string;
    priceCents: number;
    currency: string;
    stuff: { id: string; title: string };
  };
  renderedAt: number;
  stripePublishableKey: string | null;
}

/** The order's live status: countdown, payment and cancel while it awaits payment. */
export function OrderPanel({ order, renderedAt, stripePublishableKey }: OrderPanelProps) {
  const router = useRouter();
  const awaiting = order.status === 'AWAITING_PAYMENT';
  const { data, error } = useSubscription(ORDER_STATUS_CHANGED, {
    variables: { orderId: order.id },
    skip: !awaiting,
  });
  const [settled, setSettled] = useState<OrderStatus | null>(null);
  const live = data?.orderStatusChanged;
  const status = settled ?? live?.status ?? order.status;
  const expiresAt = live?.expiresAt ?? order.expiresAt;

  // Paid or cancelled, here or elsewhere (another tab, the expiry worker): reload the
  // server's view, which has the payment and no longer offers the form.
  useEffect(() => {
    if (status !== order.status) router.refresh();
  }, [status, order.status, router]);

  // The orders service cancels within two seconds of expiry and says so live; this is the
  // fallback for a lost connection.
  const [expired, setExpired] = useState(false);
  const markExpired = useCallback(() => setExpired(true), []);
  useEffect(() => {
    if (!expired || status !== 'AWAITING_PAYMENT') return;
    const timer = setTimeout(() => router.refresh(), 3_000);
    return () => clearTimeout(timer);
  }, [expired, status, router]);

  return (
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
          <Countdown expiresAt={expiresAt} renderedAt={renderedAt} onExpire={markExpired} />
          <PaymentForm
            orderId={order.id}
            priceCents={order.priceCents}
            currency={order.currency}
            stripePublishableKey={stripePublishableKey}
            onPaid={() => setSettled('COMPLETE')}
          />
          <CancelOrderButton orderId={order.id} onCancelled={() => setSettled('CANCELLED')} />
        </>
      ) : null}
      {error && status === 'AWAITING_PAYMENT' ? (
        <p className="muted live-error">Live updates paused: {describeError(error).message}</p>
      ) : null}
    </section>
  );
}
