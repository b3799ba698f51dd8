import 'reflect-metadata';
import { loadConfig, runMain, startTelemetry } from '@stuffmart/common';
import { paymentsConfigSchema } from './config.js';
import { startPayments } from './start-payments.js';

await runMain('payments', async () => {
  const config = loadConfig(paymentsConfigSchema);
  // Before anything serves, so the first request is traced (when OTEL_EXPORTER_OTLP_ENDPOINT is set).
  const telemetry = await startTelemetry('payments', config);
  return telemetry.closing(await startPayments(config));
});
