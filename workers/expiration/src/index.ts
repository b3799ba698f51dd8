export { expirationConfigSchema, type ExpirationConfig } from './config.js';
export { bullPrefix, QUEUE_NAME } from './jobs/expiration-queue.js';
export { startExpiration } from './start-expiration.js';
