import { randomBytes } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEvent } from '../events/domain-event.js';
import { inEventSpan, traceBatchHandler } from './trace-events.js';
import { registerTracerProvider, tracerFor, unregisterTracerProvider } from './tracers.js';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

beforeAll(() => {
  // The AsyncLocalStorage context manager: what `inEventSpan` makes active must carry over awaits.
  provider.register();
  registerTracerProvider('catalog', provider);
});

afterAll(async () => {
  unregisterTracerProvider('catalog', provider);
  await provider.shutdown();
});

/** An event published within a trace of its own, as the relay's publish span would send it. */
function tracedEvent(type: string) {
  const [traceId, spanId] = [randomBytes(16).toString('hex'), randomBytes(8).toString('hex')];
  const event = { ...newEvent(type, randomBytes(4).toString('hex'), 0, {}), traceparent: `00-${traceId}-${spanId}-01` };
  return { event, traceId, spanId };
}

describe('a batch of events handled at once, traced', () => {
  it('gives each event its consumer span in its own trace, and runs each event’s part below it', async () => {
    const published = [tracedEvent('order.created'), tracedEvent('order.cancelled')];
    const handleBatch = traceBatchHandler('catalog', 'orders', async (events) => {
      tracerFor('catalog').startSpan('shared statement').end();
      for (const event of events) {
        await inEventSpan(event, async () => {
          await Promise.resolve();
          tracerFor('catalog').startSpan(`apply ${event.type}`).end();
        });
      }
      return events.map(() => 'done' as const);
    });

    expect(await handleBatch(published.map(({ event }) => event))).toEqual(['done', 'done']);
    const spans = exporter.getFinishedSpans();
    const named = (name: string) => spans.find((span) => span.name === name)!;
    for (const { event, traceId, spanId } of published) {
      const processed = named(`process ${event.type}`);
      expect(processed.spanContext().traceId).toBe(traceId);
      expect(processed.parentSpanContext?.spanId).toBe(spanId);
      expect(processed.attributes).toMatchObject({
        'messaging.message.id': event.id,
        'stuffmart.event.outcome': 'done',
      });
      expect(named(`apply ${event.type}`).parentSpanContext?.spanId).toBe(processed.spanContext().spanId);
    }
    // What the batch does for all shows in the first event's trace.
    expect(named('shared statement').parentSpanContext?.spanId).toBe(
      named('process order.created').spanContext().spanId,
    );
    // Outside the batch, no event's span is left active.
    expect(trace.getActiveSpan()).toBeUndefined();
  });
});
