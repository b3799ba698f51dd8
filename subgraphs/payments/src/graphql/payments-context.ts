import type { SubgraphContext } from '@stuffmart/common';
import type DataLoader from 'dataloader';
import type { PaymentRow } from '../data-access/payments-database.js';
import type { PaymentsDeps } from '../domain/payments-deps.js';

export interface PaymentsContext extends SubgraphContext {
  deps: PaymentsDeps;
  /** The successful payment of each order, batched, shown to the order's buyer only. */
  paymentsByOrder: DataLoader<string, PaymentRow | null>;
}
