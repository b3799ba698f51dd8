import type { Metadata } from 'next';
import Link from 'next/link';
import { OrderStatusBadge } from '../../../components/order-status-badge';
import { ProblemNotice } from '../../../components/problem-notice';
import { formatDate } from '../../../lib/format-date';
import { MY_ORDERS } from '../../../lib/graphql/queries';
import { loadPageData } from '../../../lib/load-page-data';
import { formatPrice } from '../../../lib/money';
import { requireViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'My orders', robots: { index: false } };

export default async function MyOrdersPage() {
  await requireViewer('/orders');
  const { data, problem } = await loadPageData(MY_ORDERS, {});
  return (
    <>
      <h1>My orders</h1>
      {problem ? (
        <ProblemNotice title="Your orders could not be loaded" problem={problem} />
      ) : data.myOrders.length === 0 ? (
        <section className="empty">
          <p>You have not bought anything yet.</p>
          <p>
            <Link href="/">Browse the catalogue</Link>
          </p>
        </section>
      ) : (
        <ul className="order-list">
          {data.myOrders.map((order) => (
            <li key={order.id} className="card">
              <h2 className="stuff-card-title">
                <Link href={`/orders/${order.id}`}>{order.stuff.title}</Link>
              </h2>
              <p className="price">{formatPrice(order.priceCents, order.currency)}</p>
              <OrderStatusBadge status={order.status} />
              <p className="muted">
                Ordered {formatDate(order.createdAt)}
                {order.status === 'AWAITING_PAYMENT' ? `; pay by ${formatDate(order.expiresAt)}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
