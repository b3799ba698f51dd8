import 'reflect-metadata';
import { loadConfig, runMain, startTelemetry } from '@stuffmart/common';
import { ordersConfigSchema } from './config.js';
import { startOrders } from './start-orders.js';

await runMain('orders', async () => {
  const config = loadConfig(ordersConfigSchema);
  // Before anything serves, so the first request is traced (when OTEL_EXPORTER_OTLP_ENDPOINT is set).
  const telemetry = await startTelemetry('orders', config);
  return telemetry.closing(await startOrders(config));
});
