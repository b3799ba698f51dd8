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
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Route } from '../server/http-routes.js';
import { tracerFor, tracingOn } from './tracers.js';

/** The W3C trace-context fields a carrier (HTTP headers, connectionParams, an event) holds. */
export type TraceCarrier = { traceparent?: string; tracestate?: string };

/** The caller's trace context, read from what it sent; never the context we happen to run in. */
export function extractTraceContext(carrier: Record<string, unknown> | undefined): Context {
  if (!carrier || typeof carrier.traceparent !== 'string') return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, carrier);
}

/** The active span's context as W3C fields, to send along; empty when nothing is traced. */
export function currentTraceCarrier(active: Context = context.active()): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(active, carrier);
  return carrier;
}

/** Adds traceparent (and tracestate) of the active span to outgoing headers. */
export function injectTraceHeaders(headers: { set(name: string, value: string): void }): void {
  if (!tracingOn()) return;
  const carrier = currentTraceCarrier();
  if (carrier.traceparent) headers.set('traceparent', carrier.traceparent);
  if (carrier.tracestate) headers.set('tracestate', carrier.tracestate);
}

/** Runs `work` in a span of the service's, ending it with the outcome. */
export async function inSpan<T>(
  service: string,
  name: string,
  options: { kind: SpanKind; parent: Context; attributes?: Record<string, string | number> },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracerFor(service).startActiveSpan(
    name,
    { kind: options.kind, attributes: options.attributes },
    options.parent,
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/**
 * A server span around each request of a route, child of the caller's traceparent header (the
 * gateway's fetch, or a browser's). Tracing off, the route is returned as it is.
 */
export function tracedRoute(service: string, route: Route): Route {
  if (!tracingOn()) return route;
  return (req, res) =>
    inSpan(
      service,
      `${req.method ?? 'GET'} ${(req.url ?? '/').split('?')[0]}`,
      {
        kind: SpanKind.SERVER,
        parent: extractTraceContext(req.headers),
        attributes: { 'http.request.method': req.method ?? 'GET', 'url.path': (req.url ?? '/').split('?')[0]! },
      },
      async (span) => {
        await route(req, res);
        span.setAttribute('http.response.status_code', res.statusCode);
      },
    );
}

/**
 * Names the request's span after its GraphQL operation ("mutation buyStuff"), so a trace reads
 * as what was asked rather than "POST /graphql". Nothing when tracing is off.
 */
export function traceOperationPlugin<C extends BaseContext>(): ApolloServerPlugin<C>[] {
  if (!tracingOn()) return [];
  return [
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, operationName }) {
            const span = trace.getActiveSpan();
            if (!span || !operation) return;
            const fields = operation.selectionSet.selections.flatMap((selection) =>
              selection.kind === 'Field' ? [selection.name.value] : [],
            );
            span.updateName(`${operation.operation} ${fields.join(',') || operationName || ''}`.trim());
            span.setAttribute('graphql.operation.type', operation.operation);
            if (operationName) span.setAttribute('graphql.operation.name', operationName);
          },
        };
      },
    },
  ];
}

/**
 * A graphql-ws connection or subscription taken up: an instant span, child of the traceparent
 * the peer put in connectionParams (the gateway's, or a browser's), so it shows in that trace.
 * Returns the carrier to hand on upstream.
 */
export function traceSubscription(
  service: string,
  connectionParams: Record<string, unknown> | undefined,
  name: string,
): TraceCarrier {
  if (!tracingOn()) return {};
  const span = tracerFor(service).startSpan(
    name,
    { kind: SpanKind.SERVER, attributes: { 'graphql.operation.type': 'subscription' } },
    extractTraceContext(connectionParams),
  );
  span.end();
  return currentTraceCarrier(trace.setSpan(ROOT_CONTEXT, span));
}
