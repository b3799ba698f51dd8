import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { LogEvent } from 'kysely';
import { tracerFor, tracingOn } from './tracers.js';

const MAX_QUERY_TEXT = 2000;

/**
 * A client span for one SQL statement, from Kysely's log event (which comes once the statement
 * is done, so the span is dated back by its duration). Only inside a trace: the relay's and
 * the sweeps' polling would otherwise make a trace of their own every few hundred ms.
 */
export function traceStatement(service: string, database: string, event: LogEvent): void {
  if (!tracingOn() || !trace.getActiveSpan()) return;
  const end = Date.now();
  const sql = event.query.sql;
  const span = tracerFor(service).startSpan(sql.trimStart().split(/\s/, 1)[0]!.toUpperCase(), {
    kind: SpanKind.CLIENT,
    startTime: end - event.queryDurationMillis,
    attributes: {
      'db.system.name': 'postgresql',
      'db.namespace': database,
      // Parameterised: values travel apart and never reach the trace.
      'db.query.text': sql.length > MAX_QUERY_TEXT ? `${sql.slice(0, MAX_QUERY_TEXT)}…` : sql,
    },
  });
  if (event.level === 'error') {
    span.recordException(event.error instanceof Error ? event.error : String(event.error));
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end(end);
}
