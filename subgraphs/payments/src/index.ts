import 'reflect-metadata';

export { paymentsConfigSchema, type PaymentsConfig } from './config.js';
export { buildPaymentsSchema } from './graphql/build-payments-schema.js';
export { startPayments } from './start-payments.js';
