export { startTelemetry, type Telemetry, type TelemetryConfig } from './start-telemetry.js';
export { tracerFor, tracingOn } from './tracers.js';
export {
  currentTraceCarrier,
  extractTraceContext,
  injectTraceHeaders,
  inSpan,
  tracedRoute,
  traceOperationPlugin,
  traceSubscription,
  type TraceCarrier,
} from './trace-http.js';
export { traceBatchHandler, traceHandler, tracePublish, withTraceContext } from './trace-events.js';
export { traceStatement } from './trace-sql.js';
