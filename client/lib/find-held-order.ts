import { MY_ORDERS } from './graphql/queries';
import { getClient } from './rsc-client';

/**
 * How far back to look. An order awaiting payment is at most a reservation window (15 minutes)
 * old and a buyer holds at most a few, so it is among the newest orders.
 */
const RECENT_ORDERS = 20;

/** The viewer's open order for a stuff, so the stuff page can lead its holder to payment. */
export async function findHeldOrder(stuffId: string): Promise<string | null> {
  try {
    const { data } = await getClient().query({ query: MY_ORDERS, variables: { first: RECENT_ORDERS, after: null } });
    const order = data?.myOrders.nodes.find(
      (entry) => entry.stuff.id === stuffId && entry.status === 'AWAITING_PAYMENT',
    );
    return order?.id ?? null;
  } catch {
    // Only a convenience: without it the page still links to "My orders".
    return null;
  }
}
