import { createEventTables } from '@stuffmart/common';
import type { Migration } from 'kysely';
import { createStuffCopies } from './0001-create-stuff-copies.js';
import { createOrders } from './0002-create-orders.js';
import { pageOrdersByBuyer } from './0004-page-orders-by-buyer.js';
import { addPaymentHolds } from './0005-add-payment-holds.js';
import { notifyStuffNews } from './0006-notify-stuff-news.js';

/** Applied in key order; never edit one that has shipped, add the next. */
export const ordersMigrations: Record<string, Migration> = {
  '0001-create-stuff-copies': createStuffCopies,
  '0002-create-orders': createOrders,
  '0003-create-event-tables': createEventTables,
  '0004-page-orders-by-buyer': pageOrdersByBuyer,
  '0005-add-payment-holds': addPaymentHolds,
  '0006-notify-stuff-news': notifyStuffNews,
};
