import { loadConfig, runMain } from '@stuffmart/common/runtime';
import { expirationConfigSchema } from './config.js';
import { startExpiration } from './start-expiration.js';

await runMain('expiration', () => startExpiration(loadConfig(expirationConfigSchema)));
