import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OrderPanel } from '../../../components/order-panel';
import { ProblemNotice } from '../../../components/problem-notice';
import { VisitorTime } from '../../../components/visitor-time';
import { clientConfig } from '../../../lib/config';
import { ORDER } from '../../../lib/graphql/queries';
import { loadPageData } from '../../../lib/load-page-data';
import { formatPrice } from '../../../lib/money';
import { requireViewer } from '../../../lib/viewer';
import { visitorTimeZone } from '../../../lib/visitor-time-zone';

export const metadata: Metadata = { title: 'Order', robots: { index: false } };

interface OrderPageProps {
  params: Promise<{ id: string }>;
}

/** One of the viewer's orders; the orders service shows an order to its buyer only (others get null). */
export default async function OrderPage({ params }: OrderPageProps) {
  const { id } = await params;
  await requireViewer(`/orders/${id}`);
  const page = await loadPageData(ORDER, { id });
  if (page.problem?.code === 'BAD_USER_INPUT' || page.problem?.code === 'NOT_FOUND') notFound();
  if (page.problem) {
    return (
      <>
        <h1>Order</h1>
        <ProblemNotice title="This order could not be loaded" problem={page.problem} />
      </>
    );
  }
  const order = page.data.order;
  if (!order) notFound();
  return (
    <article className="order-detail">
      <h1>
        Order for <Link href={`/stuff/${order.stuff.id}`}>{order.stuff.title}</Link>
      </h1>
      <p className="price price-large">{formatPrice(order.priceCents, order.currency)}</p>
      <p className="muted">
        Ordered <VisitorTime iso={order.createdAt} />
      </p>
      <OrderPanel
        order={order}
        renderedAt={Date.now()}
        timeZone={await visitorTimeZone()}
        stripePublishableKey={clientConfig().stripePublishableKey}
      />
    </article>
  );
}
