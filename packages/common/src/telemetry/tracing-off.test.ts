import { describe, expect, it } from 'vitest';
import { newEvent } from '../events/domain-event.js';
import type { Route } from '../server/http-routes.js';
import {
  injectTraceHeaders,
  startTelemetry,
  traceBatchHandler,
  traceHandler,
  tracedRoute,
  traceOperationPlugin,
  tracePublish,
  tracingOn,
  withTraceContext,
} from './index.js';

describe('tracing without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('stays off, and leaves the hot path as it was: no wrapper, no header, no field', async () => {
    const telemetry = await startTelemetry('orders', {});
    expect(telemetry.enabled).toBe(false);
    expect(tracingOn()).toBe(false);

    const route: Route = () => undefined;
    expect(tracedRoute('gateway', route)).toBe(route);
    expect(traceOperationPlugin()).toEqual([]);
    const handle = async () => 'done' as const;
    expect(traceHandler('catalog', 'orders', handle)).toBe(handle);
    const handleBatch = async () => ['done' as const];
    expect(traceBatchHandler('catalog', 'orders', handleBatch)).toBe(handleBatch);

    const headers = new Map<string, string>();
    injectTraceHeaders(headers);
    expect(headers.size).toBe(0);

    const event = newEvent('order.created', 'order-1', 0, { orderId: 'order-1' });
    expect(withTraceContext(event)).toBe(event);
    expect(tracePublish('orders', [{ stream: 'orders', event }]).events[0]).toBe(event);

    const running = { close: async () => undefined };
    expect(telemetry.closing(running)).toBe(running);
  });

  it('refuses an endpoint that is not a URL at start, with the variable named', async () => {
    const { baseConfigSchema } = await import('../config/base-config.js');
    const result = baseConfigSchema.safeParse({ OTEL_EXPORTER_OTLP_ENDPOINT: 'jaeger:4318' });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['OTEL_EXPORTER_OTLP_ENDPOINT']);
    expect(baseConfigSchema.safeParse({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' }).success).toBe(true);
  });
});
