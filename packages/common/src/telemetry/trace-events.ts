import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { DomainEvent } from '../events/domain-event.js';
import type { HandleOutcome } from '../events/stream-consumer.js';
import { currentTraceCarrier, extractTraceContext, inSpan } from './trace-http.js';
import { tracerFor, tracingOn } from './tracers.js';

/**
 * The event with the active span's traceparent, so the relay and every consumer continue the
 * trace of the request that made the change. Written with the event, in its transaction.
 */
export function withTraceContext<E extends DomainEvent<object>>(event: E): E {
  if (!tracingOn()) return event;
  const { traceparent } = currentTraceCarrier();
  return traceparent ? { ...event, traceparent } : event;
}

/**
 * The relay's spans for one batch: one producer span per traced event, child of the
 * request that wrote it. The events go out carrying their publish span's traceparent, so a
 * consumer's span hangs below the relay's. `end` closes them once the batch is on the stream.
 */
export function tracePublish(
  publisher: string,
  rows: ReadonlyArray<{ stream: string; event: DomainEvent }>,
): { events: DomainEvent[]; end(): void } {
  const events = rows.map((row) => row.event);
  if (!tracingOn() || !events.some((event) => event.traceparent)) return { events, end: () => undefined };
  const tracer = tracerFor(publisher);
  const spans: Span[] = [];
  const published = rows.map(({ stream, event }) => {
    if (!event.traceparent) return event;
    const span = tracer.startSpan(
      `publish ${event.type}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'redis',
          'messaging.operation.type': 'send',
          'messaging.destination.name': stream,
          'messaging.message.id': event.id,
        },
      },
      extractTraceContext({ traceparent: event.traceparent }),
    );
    spans.push(span);
    const carrier: { traceparent?: string } = {};
    propagation.inject(trace.setSpan(ROOT_CONTEXT, span), carrier);
    return { ...event, traceparent: carrier.traceparent ?? event.traceparent };
  });
  return {
    events: published,
    end: () => {
      for (const span of spans) span.end();
    },
  };
}

/**
 * Wraps a consumer's handler: each delivery of a traced event runs in a consumer span, child of
 * the relay's publish span, so what the handler writes (and the events it records) joins the
 * trace. Tracing off, the handler is returned as it is.
 */
export function traceHandler<E extends DomainEvent>(
  service: string,
  stream: string,
  handle: (event: E) => Promise<HandleOutcome>,
): (event: E) => Promise<HandleOutcome> {
  if (!tracingOn()) return handle;
  return (event) => {
    if (!event.traceparent) return handle(event);
    return inSpan(
      service,
      `process ${event.type}`,
      {
        kind: SpanKind.CONSUMER,
        parent: extractTraceContext({ traceparent: event.traceparent }),
        attributes: processAttributes(service, stream, event),
      },
      async (span) => {
        const outcome = await handle(event);
        span.setAttribute('stuffmart.event.outcome', outcome);
        return outcome;
      },
    );
  };
}

function processAttributes(service: string, stream: string, event: DomainEvent): Record<string, string | number> {
  return {
    'messaging.system': 'redis',
    'messaging.operation.type': 'process',
    'messaging.destination.name': stream,
    'messaging.consumer.group.name': service,
    'messaging.message.id': event.id,
  };
}

/** Each event of a batch being handled, with the context of its own consumer span. */
const eventSpans = new WeakMap<DomainEvent, Context>();

/**
 * Wraps a consumer's batch handler: each traced event of the batch still gets its consumer span,
 * child of its own publish span, lasting as long as the batch. The batch runs in the first
 * event's span, so what it does for all (one processed_events statement, one read) shows in that
 * trace; a batch handler that works event by event (`transactionalBatchHandler`) runs each
 * event's part in that event's span through `inEventSpan`, so its SQL and the events it records
 * join the event's own trace. Tracing off, the handler is returned as it is.
 */
export function traceBatchHandler<E extends DomainEvent>(
  service: string,
  stream: string,
  handleBatch: (events: E[]) => Promise<HandleOutcome[]>,
): (events: E[]) => Promise<HandleOutcome[]> {
  if (!tracingOn()) return handleBatch;
  return async (events) => {
    const tracer = tracerFor(service);
    const spans = new Map<E, Span>();
    for (const event of events) {
      if (!event.traceparent || spans.has(event)) continue;
      const parent = extractTraceContext({ traceparent: event.traceparent });
      const span = tracer.startSpan(
        `process ${event.type}`,
        {
          kind: SpanKind.CONSUMER,
          attributes: { ...processAttributes(service, stream, event), 'messaging.batch.message_count': events.length },
        },
        parent,
      );
      spans.set(event, span);
      eventSpans.set(event, trace.setSpan(parent, span));
    }
    const first = events.find((event) => spans.has(event));
    try {
      const outcomes = await context.with(first ? eventSpans.get(first)! : context.active(), () => handleBatch(events));
      events.forEach((event, index) => spans.get(event)?.setAttribute('stuffmart.event.outcome', outcomes[index]!));
      return outcomes;
    } catch (error) {
      for (const span of spans.values()) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      throw error;
    } finally {
      for (const [event, span] of spans) {
        span.end();
        eventSpans.delete(event);
      }
    }
  };
}

/** Runs one event's part of a batch in that event's consumer span, when the batch is traced. */
export function inEventSpan<T>(event: DomainEvent, work: () => Promise<T>): Promise<T> {
  const eventContext = eventSpans.get(event);
  return eventContext ? context.with(eventContext, work) : work();
}
