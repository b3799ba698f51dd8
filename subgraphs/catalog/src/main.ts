import 'reflect-metadata';
import { loadConfig, runMain, startTelemetry } from '@stuffmart/common';
import { catalogConfigSchema } from './config.js';
import { startCatalog } from './start-catalog.js';

await runMain('catalog', async () => {
  const config = loadConfig(catalogConfigSchema);
  // Before anything serves, so the first request is traced (when OTEL_EXPORTER_OTLP_ENDPOINT is set).
  const telemetry = await startTelemetry('catalog', config);
  return telemetry.closing(await startCatalog(config));
});
