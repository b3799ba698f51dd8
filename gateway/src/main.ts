import cluster from 'node:cluster';
import { loadConfig, runMain, startTelemetry } from '@stuffmart/common/runtime';
import { gatewayConfigSchema } from './config.js';
import { startGatewayWorkers } from './gateway-workers.js';
import { startGateway } from './start-gateway.js';

await runMain('gateway', async () => {
  const config = loadConfig(gatewayConfigSchema);
  // GATEWAY_WORKERS > 1: this process is the cluster's primary and each worker runs this file too.
  if (cluster.isPrimary && config.GATEWAY_WORKERS > 1) return startGatewayWorkers(config);
  // Before anything serves, so the first request is traced (when OTEL_EXPORTER_OTLP_ENDPOINT is set).
  const telemetry = await startTelemetry('gateway', config);
  return telemetry.closing(await startGateway(config));
});
