import type { OrdersWord } from './orders-word.js';
import type { Kysely } from 'kysely';
import type { Logger, NewsCheck, OutboxRelay, Redis, Subscribe } from '@stuffmart/common';
import type { PaymentsDatabase } from '../data-access/payments-database.js';
import type { StripeGateway } from '../provider/stripe-gateway.js';

export interface PaymentsDeps {
  db: Kysely<PaymentsDatabase>;
  relay: Pick<OutboxRelay, 'wake'>;
  /** The service's own keys (namespaced): coupon guesses are counted here. */
  redis: Redis;
  /** Null without STRIPE_SECRET_KEY: then only fully discounted orders can be paid. */
  stripe: StripeGateway | null;
  /** Woken after a transaction that queued a refund. */
  refunds: { wake(): void };
  /** How long payOrder waits for news of an order placed a moment ago. */
  orderArrivalTimeoutMs: number;
  /**
   * Notices of an order: its copy or its attempts changed (in any replica), for the payOrder
   * waiting on the hold, the completion or a concurrent attempt.
   */
  orderNews: (orderId: string) => Subscribe;
  /** How orders ended, as read off orders' stream here a moment before the copy applies it. */
  ordersWord: Pick<OrdersWord, 'of' | 'holdOf'>;
  /** Whether orders reads payments' stream now (a replica's heartbeat is alive), to answer a hold. */
  ordersReading: () => Promise<boolean>;
  /** Whether orders' news has all arrived: a missing order is then unknown, not late. */
  news: NewsCheck;
  logger: Logger;
}
