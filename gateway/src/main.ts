import cluster from 'node:cluster';
import { loadConfig, runMain } from '@stuffmart/common';
import { gatewayConfigSchema } from './config.js';
import { startGatewayWorkers } from './gateway-workers.js';
import { startGateway } from './start-gateway.js';

await runMain('gateway', async () => {
  const config = loadConfig(gatewayConfigSchema);
  // GATEWAY_WORKERS > 1: this process is the cluster's primary and each worker runs this file too.
  return cluster.isPrimary && config.GATEWAY_WORKERS > 1 ? startGatewayWorkers(config) : startGateway(config);
});
