import type { TracerProvider } from '@opentelemetry/api';
import { registerTracerProvider, unregisterTracerProvider } from './tracers.js';

export interface TelemetryConfig {
  /** OTLP/HTTP base URL (e.g. http://jaeger:4318); traces go to its /v1/traces. Unset: off. */
  OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
}

export interface Telemetry {
  /** Whether spans are exported. */
  readonly enabled: boolean;
  /** Sends every finished span now (tests; a process about to exit). */
  flush(): Promise<void>;
  /** Flushes and stops exporting. */
  shutdown(): Promise<void>;
  /** The same server, whose close also shuts telemetry down after it (so its last spans leave). */
  closing<T extends { close(): Promise<void> }>(running: T): T;
}

const OFF: Telemetry = {
  enabled: false,
  flush: async () => undefined,
  shutdown: async () => undefined,
  closing: (running) => running,
};

let registeredGlobally = false;

/**
 * Starts tracing for one service when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans are batched
 * and sent by OTLP/HTTP (JSON) under `service.name` = the service. Unset, nothing of the SDK is
 * even loaded and every span the code starts is the API's no-op.
 *
 * The first service of a process becomes the global provider too, with the AsyncLocalStorage
 * context manager and the W3C trace-context propagator: libraries that trace through the
 * global API (@apollo/gateway's own spans) report under it.
 */
export async function startTelemetry(service: string, config: TelemetryConfig): Promise<Telemetry> {
  const endpoint = config.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return OFF;
  // Loaded only when wanted: a process with tracing off pays nothing for the SDK.
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
    ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'service.namespace': 'stuffmart' }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }), {
        scheduledDelayMillis: 1000,
      }),
    ],
  });
  if (!registeredGlobally) {
    provider.register();
    registeredGlobally = true;
  }
  registerTracerProvider(service, provider as TracerProvider);
  const shutdown = async () => {
    unregisterTracerProvider(service, provider as TracerProvider);
    await provider.shutdown();
  };
  return {
    enabled: true,
    flush: () => provider.forceFlush(),
    shutdown,
    closing: (running) => ({
      ...running,
      close: async () => {
        try {
          await running.close();
        } finally {
          await shutdown();
        }
      },
    }),
  };
}
