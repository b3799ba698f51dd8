import type { Metadata } from 'next';
import Link from 'next/link';
import { OrderStatusBadge } from '../../../components/order-status-badge';
import { Pager } from '../../../components/pager';
import { ProblemNotice } from '../../../components/problem-notice';
import { VisitorTime } from '../../../components/visitor-time';
import { LIST_PAGE_SIZE, MY_ORDERS } from '../../../lib/graphql/queries';
import { loadPageData } from '../../../lib/load-page-data';
import { formatPrice } from '../../../lib/money';
import { pageCursor } from '../../../lib/page-cursor';
import { requireViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'My orders', robots: { index: false } };

interface MyOrdersPageProps {
  searchParams: Promise<{ after?: string | string[] }>;
}

/** The viewer's orders, newest first, 20 a page. */
export default async function MyOrdersPage({ searchParams }: MyOrdersPageProps) {
  await requireViewer('/orders');
  const after = pageCursor((await searchParams).after);
  const { data, problem } = await loadPageData(MY_ORDERS, { first: LIST_PAGE_SIZE, after });
  return (
    <>
      <h1>My orders</h1>
      {problem ? (
        <ProblemNotice title="Your orders could not be loaded" problem={problem} />
      ) : data.myOrders.nodes.length === 0 ? (
        <section className="empty">
          <p>{after ? 'There is nothing more to show.' : 'You have not bought anything yet.'}</p>
          <p>
            {after ? (
              <Link href="/orders">Go back to your newest orders</Link>
            ) : (
              <Link href="/">Browse the catalogue</Link>
            )}
          </p>
        </section>
      ) : (
        <>
          <ul className="order-list">
            {data.myOrders.nodes.map((order) => (
              <li key={order.id} className="card">
                <h2 className="stuff-card-title">
                  <Link href={`/orders/${order.id}`}>{order.stuff.title}</Link>
                </h2>
                <p className="price">{formatPrice(order.priceCents, order.currency)}</p>
                <OrderStatusBadge status={order.status} />
                <p className="muted">
                  Ordered <VisitorTime iso={order.createdAt} />
                  {order.status === 'AWAITING_PAYMENT' ? (
                    <>
                      ; pay by <VisitorTime iso={order.expiresAt} />
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
          <Pager
            path="/orders"
            label="Pages of my orders"
            pageInfo={data.myOrders.pageInfo}
            newest="Newest orders"
            older="Older orders"
          />
        </>
      )}
    </>
  );
}
