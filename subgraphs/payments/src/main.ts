import 'reflect-metadata';
import { loadConfig, runMain } from '@stuffmart/common';
import { paymentsConfigSchema } from './config.js';
import { startPayments } from './start-payments.js';

await runMain('payments', () => startPayments(loadConfig(paymentsConfigSchema)));
