import type { SubgraphContext } from '@stuffmart/common';
import type DataLoader from 'dataloader';
import type { PaymentAnswer } from '../domain/payment-answer.js';
import type { PaymentsDeps } from '../domain/payments-deps.js';

export interface PaymentsContext extends SubgraphContext {
  deps: PaymentsDeps;
  /** The successful payment of each order (SUCCEEDED once the order is COMPLETE), batched, shown to its buyer only. */
  paymentsByOrder: DataLoader<string, PaymentAnswer | null>;
}
