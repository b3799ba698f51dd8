import type { ContractEvent, EventHandlers, HandleOutcome } from '@stuffmart/common';
import { EXPIRATION_DUE } from '@stuffmart/contract/events';
import { expireOrder } from '../domain/expire-order.js';
import type { OrdersDeps } from '../domain/orders-deps.js';

/**
 * The worker's word that an order's reservation has run out. It needs no dedup table:
 * cancelling an order that no longer awaits payment changes nothing. A word that came early
 * (the order's expiry is still ahead) waits.
 *
 * Orders due together expire side by side, each in its own transaction, rather than each after
 * the one before: twenty orders due in the same second used to wait for twenty transactions in
 * a row (the last about 300 ms late under the expiry bench's polling). The batch is not all or
 * nothing, as a batch handler should be; handed over one by one after a failure, its orders
 * expired already are left as they are, so nothing is cancelled or counted twice.
 */
export function expirationDueHandlers(deps: OrdersDeps): Required<EventHandlers<ContractEvent>> {
  const handle = async (event: ContractEvent): Promise<HandleOutcome> => {
    if (event.type !== EXPIRATION_DUE) return 'done';
    const outcome = await expireOrder(deps, event.data.orderId);
    if (outcome === 'expired') deps.metrics.expiries.inc({ by: 'timer' });
    return outcome === 'early' ? 'retry' : 'done';
  };
  return {
    handle,
    handleBatch: async (events) => {
      const settled = await Promise.allSettled(events.map(handle));
      const failed = settled.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      return settled.map((result) => (result as PromiseFulfilledResult<HandleOutcome>).value);
    },
  };
}
