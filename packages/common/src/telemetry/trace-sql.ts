import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { LogEvent } from 'kysely';
import { tracerFor, tracingOn } from './tracers.js';

const MAX_QUERY_TEXT = 2000;

/**
 * What a statement does, as its span's name: its first word, or for one that opens with CTEs
 * (`WITH created AS (INSERT …), news AS (INSERT …) SELECT …`) the first change it makes.
 */
function operationOf(sql: string): string {
  const verb = sql.trimStart().split(/\s/, 1)[0]!.toUpperCase();
  if (verb !== 'WITH') return verb;
  return /\b(INSERT|UPDATE|DELETE)\b/i.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT';
}

/**
 * A client span for one SQL statement, from Kysely's log event (which comes once the statement
 * is done, so the span is dated back by its duration). Only inside a trace: the relay's and
 * the sweeps' polling would otherwise make a trace of their own every few hundred ms.
 */
export function traceStatement(service: string, database: string, event: LogEvent): void {
  if (!tracingOn() || !trace.getActiveSpan()) return;
  const end = Date.now();
  const sql = event.query.sql;
  const span = tracerFor(service).startSpan(operationOf(sql), {
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
