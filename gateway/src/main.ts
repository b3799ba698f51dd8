import { loadConfig, runMain, startTelemetry } from '@stuffmart/common/runtime';
import { gatewayConfigSchema } from './config.js';
import { startGateway } from './start-gateway.js';

await runMain('gateway', async () => {
  const config = loadConfig(gatewayConfigSchema);
  // Before anything serves, so the first request is traced (when OTEL_EXPORTER_OTLP_ENDPOINT is set).
  const telemetry = await startTelemetry('gateway', config);
  return telemetry.closing(await startGateway(config));
});
