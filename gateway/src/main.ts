import { loadConfig, runMain } from '@stuffmart/common/runtime';
import { gatewayConfigSchema } from './config.js';
import { startGateway } from './start-gateway.js';

await runMain('gateway', () => startGateway(loadConfig(gatewayConfigSchema)));
