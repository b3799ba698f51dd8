import 'reflect-metadata';
import { loadConfig, runMain, startTelemetry } from '@stuffmart/common';
import { authConfigSchema } from './config.js';
import { startAuth } from './start-auth.js';

await runMain('auth', async () => {
  const config = loadConfig(authConfigSchema);
  // Before anything serves, so the first request is traced (when OTEL_EXPORTER_OTLP_ENDPOINT is set).
  const telemetry = await startTelemetry('auth', config);
  return telemetry.closing(await startAuth(config));
});
