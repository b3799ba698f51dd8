import { MY_ORDERS } from './graphql/queries';
import { getClient } from './rsc-client';

/** The viewer's open order for a stuff, so the stuff page can lead its holder to payment. */
export async function findHeldOrder(stuffId: string): Promise<string | null> {
  try {
    const { data } = await getClient().query({ query: MY_ORDERS });
    const order = data?.myOrders.find((entry) => entry.stuff.id === stuffId && entry.status === 'AWAITING_PAYMENT');
    return order?.id ?? null;
  } catch {
    // Only a convenience: without it the page still links to "My orders".
    return null;
  }
}
