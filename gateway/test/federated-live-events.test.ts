import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  connectLive as connect,
  disposeLiveClients,
  eventually,
  GOOD_CARD,
  listStuff,
  signUpActor,
  startStripeStandIn,
  watch,
  type Actor,
  type StripeStandIn,
  type Watch,
} from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../test/system/index.js';

// title and seller belong to catalog and auth; availability to orders, which emits the event.
const WATCH_STUFF = `subscription ($stuffId: ID!) {
  stuffAvailabilityChanged(stuffId: $stuffId) {
    availability
    stuff { id title availability seller { displayName email } }
  }
}`;
const WATCH_ORDER = `subscription ($orderId: ID!) {
  orderStatusChanged(orderId: $orderId) {
    status
    order { id status stuff { title } buyer { displayName } payment { amountCents } }
  }
}`;
const BUY = `mutation ($stuffId: ID!) { buyStuff(stuffId: $stuffId) { id } }`;
const CANCEL = `mutation ($id: ID!) { cancelOrder(id: $id) { id } }`;
const PAY = `mutation ($orderId: ID!, $card: String) { payOrder(orderId: $orderId, paymentMethodId: $card) { status } }`;

afterEach(disposeLiveClients);

let stripe: StripeStandIn;
let system: TestSystem;
let seller: Actor;
beforeAll(async () => {
  stripe = await startStripeStandIn();
  system = await startTestSystem({ STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_API_URL: stripe.url });
  seller = await signUpActor(system, 'seller');
});
afterAll(async () => {
  await system?.close();
  await stripe?.close();
});

async function send(actor: Actor, query: string, variables: Record<string, unknown>): Promise<any> {
  const { body } = await system.graphql<any>(query, variables, { token: actor.token });
  if (!body.data) throw new Error(`${query} failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const nth = (watcher: Watch, count: number): Promise<any> =>
  eventually(async () => watcher.results[count - 1], 5000, `event ${count}`);

describe('a live event selects fields of other subgraphs, as a query could', () => {
  it('gives a watcher of a stuff its title and seller in every event: first, after BUY and after cancel', async () => {
    const stuffId = await listStuff(system, seller, { title: 'Linear algebra notes' });
    const buyer = await signUpActor(system, 'buyer');
    const other = await signUpActor(system, 'other');
    const watchers = [
      watch(connect(system, seller), WATCH_STUFF, { stuffId }),
      watch(connect(system, other), WATCH_STUFF, { stuffId }),
    ];
    for (const watcher of watchers) await nth(watcher, 1);
    const { buyStuff: order } = await send(buyer, BUY, { stuffId });
    for (const watcher of watchers) await nth(watcher, 2);
    await send(buyer, CANCEL, { id: order.id });

    const [own, stranger] = await Promise.all(watchers.map((watcher) => nth(watcher, 3)));
    const stuff = (availability: string, email: string | null) => ({
      data: {
        stuffAvailabilityChanged: {
          availability,
          stuff: {
            id: stuffId,
            title: 'Linear algebra notes',
            availability,
            seller: { displayName: seller.displayName, email },
          },
        },
      },
    });
    expect(watchers[0]!.results).toEqual([
      stuff('AVAILABLE', seller.email),
      stuff('RESERVED', seller.email),
      stuff('AVAILABLE', seller.email),
    ]);
    expect(own).toEqual(stuff('AVAILABLE', seller.email));
    // Each event's entity fields are fetched as the subscriber: a stranger never sees the e-mail.
    expect(watchers[1]!.results).toEqual([stuff('AVAILABLE', null), stuff('RESERVED', null), stuff('AVAILABLE', null)]);
    expect(stranger).toEqual(stuff('AVAILABLE', null));
  });

  it("gives the buyer the order's stuff, buyer and payment in every orderStatusChanged event", async () => {
    const stuffId = await listStuff(system, seller, { title: 'Desk lamp', priceCents: 2599 });
    const buyer = await signUpActor(system, 'buyer');
    const { buyStuff: order } = await send(buyer, BUY, { stuffId });
    const status = watch(connect(system, buyer), WATCH_ORDER, { orderId: order.id });
    await nth(status, 1);
    await send(buyer, PAY, { orderId: order.id, card: GOOD_CARD });
    await status.until((result: any) => result.data?.orderStatusChanged.status === 'COMPLETE', 'COMPLETE');

    const event = (state: string, payment: { amountCents: number } | null) => ({
      data: {
        orderStatusChanged: {
          status: state,
          order: {
            id: order.id,
            status: state,
            stuff: { title: 'Desk lamp' },
            buyer: { displayName: buyer.displayName },
            payment,
          },
        },
      },
    });
    expect(status.results).toEqual([event('AWAITING_PAYMENT', null), event('COMPLETE', { amountCents: 2599 })]);
  });

  it("keeps the aliases, fragments and directives of the client's document", async () => {
    const stuffId = await listStuff(system, seller, { title: 'Bike' });
    const watcher = watch(
      connect(system),
      `subscription Watch($stuffId: ID!, $withSeller: Boolean!) {
        live: stuffAvailabilityChanged(stuffId: $stuffId) { now: availability ...Card }
      }
      fragment Card on StuffAvailability { thing: stuff { name: title ...Seller @include(if: $withSeller) } }
      fragment Seller on Stuff { seller { displayName } }`,
      { stuffId, withSeller: false },
    );
    expect(await nth(watcher, 1)).toEqual({ data: { live: { now: 'AVAILABLE', thing: { name: 'Bike' } } } });
  });

  it('ends the watch of an id that names no stuff with NOT_FOUND, whatever the selection', async () => {
    const watcher = watch(connect(system), WATCH_STUFF, { stuffId: '00000000-0000-4000-8000-000000000000' });
    const answer = await nth(watcher, 1);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors).toEqual([
      {
        message: 'Stuff not found',
        locations: expect.any(Array),
        path: ['stuffAvailabilityChanged'],
        extensions: { code: 'NOT_FOUND' },
      },
    ]);
  });
});

describe('a live event whose other subgraph is down', () => {
  let alone: TestSystem;
  beforeAll(async () => {
    alone = await startTestSystem();
  });
  afterAll(() => alone?.close());

  it('tells the watcher SERVICE_UNAVAILABLE at the event, and keeps the subscription', async () => {
    const owner = await signUpActor(alone, 'seller');
    const buyer = await signUpActor(alone, 'buyer');
    const stuffId = await listStuff(alone, owner, { title: 'Kettle' });
    const watcher = watch(connect(alone), WATCH_STUFF, { stuffId });
    expect(await nth(watcher, 1)).toMatchObject({ data: { stuffAvailabilityChanged: { availability: 'AVAILABLE' } } });

    await alone.stopSubgraph('auth');
    const { body } = await alone.graphql<any>(BUY, { stuffId }, { token: buyer.token });
    expect(body.errors).toBeUndefined();
    const event = await nth(watcher, 2);
    expect(event.data ?? null).toBeNull();
    expect(event.errors).toEqual([
      {
        message: 'Service unavailable',
        path: ['stuffAvailabilityChanged', 'stuff'],
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      },
    ]);
    expect(watcher.completed).toBe(false);
  });
});
