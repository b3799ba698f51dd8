import { loadConfig, runMain } from '@stuffmart/common';
import { gatewayConfigSchema } from './config.js';
import { startGateway } from './start-gateway.js';

await runMain('gateway', () => startGateway(loadConfig(gatewayConfigSchema)));
