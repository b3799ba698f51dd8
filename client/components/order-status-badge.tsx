import type { OrderStatus } from '../lib/graphql/generated/graphql';

const WORDS: Record<OrderStatus, string> = {
  AWAITING_PAYMENT: 'Awaiting payment',
  COMPLETE: 'Paid',
  CANCELLED: 'Cancelled',
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`badge badge-${status.toLowerCase().replace('_', '-')}`}>{WORDS[status]}</span>;
}
