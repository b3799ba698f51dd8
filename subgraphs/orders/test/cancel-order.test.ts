import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStuff, signUpActor, type Actor } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';

const BUY = `mutation ($stuffId: ID!) { buyStuff(stuffId: $stuffId) { id status } }`;
const CANCEL = `mutation ($id: ID!) { cancelOrder(id: $id) { id status stuff { availability reservedUntil } } }`;

let system: TestSystem;
let seller: Actor;
beforeAll(async () => {
  system = await startTestSystem();
  seller = await signUpActor(system, 'seller');
});
afterAll(() => system?.close());

async function reserved(buyer: Actor) {
  const stuffId = await listStuff(system, seller);
  const { body } = await system.graphql<any>(BUY, { stuffId }, { token: buyer.token });
  return { stuffId, orderId: body.data.buyStuff.id as string };
}

describe('cancelling an order', () => {
  it('cancels at once and makes the stuff available to the next buyer', async () => {
    const buyer = await signUpActor(system, 'buyer');
    const { stuffId, orderId } = await reserved(buyer);
    const { body } = await system.graphql<any>(CANCEL, { id: orderId }, { token: buyer.token });
    expect(body.data.cancelOrder).toEqual({
      id: orderId,
      status: 'CANCELLED',
      stuff: { availability: 'AVAILABLE', reservedUntil: null },
    });
    const next = await signUpActor(system, 'next');
    const again = await system.graphql<any>(BUY, { stuffId }, { token: next.token });
    expect(again.body.data.buyStuff.status).toBe('AWAITING_PAYMENT');
  });

  it('is for the buyer only: anyone else gets FORBIDDEN and the order stands', async () => {
    const buyer = await signUpActor(system, 'buyer');
    const stranger = await signUpActor(system, 'stranger');
    const { orderId } = await reserved(buyer);
    for (const actor of [stranger, seller]) {
      const { body } = await system.graphql(CANCEL, { id: orderId }, { token: actor.token });
      expect(body.errors).toEqual([{ message: 'Forbidden', path: ['cancelOrder'], extensions: { code: 'FORBIDDEN' } }]);
    }
    const { body } = await system.graphql<any>(
      `query ($id: ID!) { order(id: $id) { status } }`,
      { id: orderId },
      { token: buyer.token },
    );
    expect(body.data.order.status).toBe('AWAITING_PAYMENT');
  });

  it('refuses an order that no longer awaits payment with ORDER_NOT_PAYABLE naming its status', async () => {
    const buyer = await signUpActor(system, 'buyer');
    const { orderId } = await reserved(buyer);
    await system.graphql(CANCEL, { id: orderId }, { token: buyer.token });
    const { body } = await system.graphql(CANCEL, { id: orderId }, { token: buyer.token });
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'ORDER_NOT_PAYABLE' });
    expect(body.errors?.[0]?.message).toContain('CANCELLED');
  });

  it('says NOT_FOUND for an unknown order and UNAUTHENTICATED when signed out', async () => {
    const buyer = await signUpActor(system, 'buyer');
    const unknown = await system.graphql(
      CANCEL,
      { id: '00000000-0000-4000-8000-000000000000' },
      { token: buyer.token },
    );
    expect(unknown.body.errors).toEqual([
      { message: 'Order not found', path: ['cancelOrder'], extensions: { code: 'NOT_FOUND' } },
    ]);
    const signedOut = await system.graphql(CANCEL, { id: '00000000-0000-4000-8000-000000000000' });
    expect(signedOut.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('reading orders', () => {
  it('shows an order to its buyer only, and myOrders newest first', async () => {
    const buyer = await signUpActor(system, 'reader');
    const first = await reserved(buyer);
    const second = await reserved(buyer);
    const mine = await system.graphql<any>(
      `{ myOrders { nodes { id stuff { id } buyer { email } } } }`,
      {},
      { token: buyer.token },
    );
    expect(mine.body.data.myOrders.nodes.map((order: { id: string }) => order.id)).toEqual([
      second.orderId,
      first.orderId,
    ]);
    expect(mine.body.data.myOrders.nodes[0].buyer.email).toBe(buyer.email);
    const stranger = await signUpActor(system, 'peeker');
    const peek = await system.graphql<any>(
      `query ($id: ID!) { order(id: $id) { id } }`,
      { id: first.orderId },
      { token: stranger.token },
    );
    expect(peek.body).toEqual({ data: { order: null } });
    const signedOut = await system.graphql(`{ myOrders { nodes { id } } }`);
    expect(signedOut.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
