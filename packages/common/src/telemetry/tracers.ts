import { trace, type Tracer, type TracerProvider } from '@opentelemetry/api';

/**
 * Each service's tracer provider, by service name. A process normally holds one; the test kit
 * runs every service in one process, and each still reports under its own `service.name`.
 */
const providers = new Map<string, TracerProvider>();
const tracers = new Map<string, Tracer>();

export function registerTracerProvider(service: string, provider: TracerProvider): void {
  providers.set(service, provider);
  tracers.delete(service);
}

export function unregisterTracerProvider(service: string, provider: TracerProvider): void {
  if (providers.get(service) !== provider) return;
  providers.delete(service);
  tracers.delete(service);
}

/**
 * Whether this process traces at all. Checked where a span would be started on the hot path,
 * so that with tracing off nothing but this test is paid (the API alone is a no-op already,
 * but wrapping a request in it still costs closures and a context switch).
 */
export function tracingOn(): boolean {
  return providers.size > 0;
}

/** The service's tracer; the global one (a no-op unless some provider registered) otherwise. */
export function tracerFor(service: string): Tracer {
  let tracer = tracers.get(service);
  if (!tracer) {
    tracer = (providers.get(service) ?? trace.getTracerProvider()).getTracer('stuffmart');
    tracers.set(service, tracer);
  }
  return tracer;
}
