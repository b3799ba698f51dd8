import { createEventTables } from '@stuffmart/common';
import type { Migration } from 'kysely';
import { createPaymentsTables } from './0001-create-payments-tables.js';
import { createRefundRequests } from './0003-create-refund-requests.js';
import { pageCoupons } from './0004-page-coupons.js';
import { addOrderHolds } from './0005-add-order-holds.js';
import { notifyOrderNews } from './0006-notify-order-news.js';

/** Applied in key order; never edit one that has shipped, add the next. */
export const paymentsMigrations: Record<string, Migration> = {
  '0001-create-payments-tables': createPaymentsTables,
  '0002-create-event-tables': createEventTables,
  '0003-create-refund-requests': createRefundRequests,
  '0004-page-coupons': pageCoupons,
  '0005-add-order-holds': addOrderHolds,
  '0006-notify-order-news': notifyOrderNews,
};
