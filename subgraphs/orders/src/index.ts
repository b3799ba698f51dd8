import 'reflect-metadata';

export { ordersConfigSchema, type OrdersConfig } from './config.js';
export { buildOrdersSchema } from './graphql/build-orders-schema.js';
export { startOrders } from './start-orders.js';
