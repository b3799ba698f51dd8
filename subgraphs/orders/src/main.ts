import 'reflect-metadata';
import { loadConfig, runMain } from '@stuffmart/common';
import { ordersConfigSchema } from './config.js';
import { startOrders } from './start-orders.js';

await runMain('orders', () => startOrders(loadConfig(ordersConfigSchema)));
