import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelemetry, type Telemetry } from '@stuffmart/common';
import { connectLive, disposeLiveClients, eventually, listStuff, signUpActor, watch } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../system/index.js';
import { startOtlpReceiver, type ReceivedSpan } from './otlp-receiver.js';

const SERVICES = ['gateway', 'auth', 'catalog', 'orders', 'payments', 'expiration'];
const BUY = `mutation Buy($stuffId: ID!) { buyStuff(stuffId: $stuffId) { id } }`;

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let telemetry: Telemetry[] = [];
let system: TestSystem;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  const env = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint };
  // What each process' main does before it starts its service; here every service shares one
  // process, and each still reports under its own service.name. The gateway first: it becomes
  // the global provider, which @apollo/gateway's own spans use.
  telemetry = await Promise.all(SERVICES.map((service) => startTelemetry(service, env)));
  system = await startTestSystem(env);
});
afterAll(async () => {
  await disposeLiveClients();
  await system?.close();
  await Promise.all(telemetry.map((one) => one.shutdown()));
  await receiver?.close();
});

/** The spans of one trace received so far, once `ready` holds of them. */
async function traceOf(traceId: string, ready: (spans: ReceivedSpan[]) => boolean): Promise<ReceivedSpan[]> {
  return eventually(
    async () => {
      await Promise.all(telemetry.map((one) => one.flush()));
      const spans = receiver.spans.filter((span) => span.traceId === traceId);
      return ready(spans) ? spans : undefined;
    },
    15_000,
    'the trace to arrive',
  );
}

describe('a BUY traced end to end (OTEL_EXPORTER_OTLP_ENDPOINT set)', () => {
  it('is exported by OTLP and enabled', () => {
    expect(telemetry.every((one) => one.enabled)).toBe(true);
  });

  it('one trace holds the gateway, orders, the relay and the consumers in catalog, payments and the worker, with their SQL', async () => {
    const seller = await signUpActor(system, 'seller');
    const buyer = await signUpActor(system, 'buyer');
    const stuffId = await listStuff(system, seller);

    // The client starts the trace, as a browser with tracing would: every span must join it.
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    const { body } = await system.graphql<any>(
      BUY,
      { stuffId },
      { token: buyer.token, headers: { traceparent: `00-${traceId}-${clientSpanId}-01` } },
    );
    expect(body.errors).toBeUndefined();

    const consumed = (service: string) => (span: ReceivedSpan) =>
      span.service === service && span.name === 'process order.created';
    // Spans leave as they end, each process on its own: wait until the last of them is in.
    const spans = await traceOf(
      traceId,
      (all) =>
        ['catalog', 'payments', 'expiration'].every((service) => all.some(consumed(service))) &&
        all.some((span) => span.parentSpanId === clientSpanId) &&
        all.some((span) => span.service === 'orders' && span.name === 'mutation buyStuff'),
    );
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const parentOf = (span: ReceivedSpan | undefined) => (span ? byId.get(span.parentSpanId) : undefined);

    // The gateway's server span is the client's child and is named after the operation.
    const gateway = spans.find((span) => span.service === 'gateway' && span.parentSpanId === clientSpanId);
    expect(gateway?.name).toBe('mutation buyStuff');
    // Orders' server span hangs below the gateway (its fetch to orders: traceparent header).
    const orders = spans.find((span) => span.service === 'orders' && span.name === 'mutation buyStuff');
    expect(orders).toBeDefined();
    let ancestor = parentOf(orders);
    while (ancestor && ancestor.service === 'gateway' && ancestor !== gateway) ancestor = parentOf(ancestor);
    expect(ancestor).toBe(gateway);
    // The relay published order.created inside the trace of the request that wrote it.
    const publish = spans.find((span) => span.service === 'orders' && span.name === 'publish order.created');
    expect(parentOf(publish)).toBe(orders);
    // Each consumer took it up below the relay's span: the traceparent travelled in the event.
    for (const service of ['catalog', 'payments', 'expiration']) {
      expect(parentOf(spans.find(consumed(service))), service).toBe(publish);
    }
    // What they wrote shows as SQL statements of theirs: the order, payments' copy of it,
    // catalog's availability projection.
    const statementsBelow = (parent: ReceivedSpan | undefined) =>
      spans.filter((span) => parent && span.parentSpanId === parent.spanId && span.kind === 3).map((span) => span.name);
    expect(statementsBelow(orders)).toContain('INSERT');
    expect(statementsBelow(spans.find(consumed('payments')))).toContain('INSERT');
    expect(statementsBelow(spans.find(consumed('catalog'))).length).toBeGreaterThan(0);
    expect(new Set(spans.map((span) => span.service))).toEqual(
      new Set(['gateway', 'orders', 'catalog', 'payments', 'expiration']),
    );
  });

  it('a subscription joins the trace its client names in connectionParams, through the gateway to orders', async () => {
    const seller = await signUpActor(system, 'lister');
    const stuffId = await listStuff(system, seller);
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    const client = connectLive(system, { connectionParams: { traceparent: `00-${traceId}-${clientSpanId}-01` } });
    const watching = watch(
      client,
      `subscription WatchStuff($stuffId: ID!) { stuffAvailabilityChanged(stuffId: $stuffId) { availability } }`,
      { stuffId },
    );
    await watching.until((result) => result.data?.stuffAvailabilityChanged, 'the current state');

    const spans = await traceOf(traceId, (all) =>
      all.some((span) => span.service === 'orders' && span.name === 'subscription stuffAvailabilityChanged'),
    );
    const gateway = spans.find((span) => span.service === 'gateway' && span.parentSpanId === clientSpanId);
    expect(gateway?.name).toBe('graphql-ws connect');
    const orders = spans.find(
      (span) => span.service === 'orders' && span.name === 'subscription stuffAvailabilityChanged',
    );
    expect(orders?.parentSpanId).toBe(gateway?.spanId);
  });
});
