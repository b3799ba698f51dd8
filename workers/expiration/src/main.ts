import { loadConfig, runMain, startTelemetry } from '@stuffmart/common/runtime';
import { expirationConfigSchema } from './config.js';
import { startExpiration } from './start-expiration.js';

await runMain('expiration', async () => {
  const config = loadConfig(expirationConfigSchema);
  // Before anything serves, so the first request is traced (when OTEL_EXPORTER_OTLP_ENDPOINT is set).
  const telemetry = await startTelemetry('expiration', config);
  return telemetry.closing(await startExpiration(config));
});
