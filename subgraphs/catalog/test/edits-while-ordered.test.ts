import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { anOrderOf, OrdersStream } from './support/order-events.js';
import { listStuff, readStuff, updateStuffAs, type TestStuff } from './support/stuffs.js';
import { signUp, type TestUser } from './support/users.js';

const RESERVED = {
  message: 'The stuff is being checked out by someone else, please come back later',
  path: ['updateStuff'],
  extensions: { code: 'STUFF_RESERVED' },
};
const SOLD = { message: 'The stuff has been sold', path: ['updateStuff'], extensions: { code: 'STUFF_SOLD' } };

let system: TestSystem;
let orders: OrdersStream;
let seller: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  system = await startTestSystem();
  orders = new OrdersStream(system);
  seller = await signUp(system, 'owner@example.com');
  stranger = await signUp(system, 'nosy@example.com');
});
afterAll(async () => {
  orders?.close();
  await system?.close();
});

/** Tries an edit and, when refused, checks that nothing changed. */
async function tryEdit(stuff: TestStuff, user: TestUser = seller) {
  const before = await readStuff(system, stuff.id);
  const { body } = await updateStuffAs(system, user, stuff.id, { priceCents: before!.priceCents + 1 });
  if (body.errors) expect(await readStuff(system, stuff.id)).toEqual(before);
  return body;
}

describe('editing stuff that orders hold or own', () => {
  it('refuses edits with STUFF_RESERVED while an order awaits payment', async () => {
    const stuff = await listStuff(system, seller);
    await orders.publish(anOrderOf(stuff).created());
    await orders.waitUntilCatalogApplied();
    expect(await tryEdit(stuff)).toEqual({ data: null, errors: [RESERVED] });
  });

  it('makes the stuff editable again when the order is cancelled', async () => {
    const stuff = await listStuff(system, seller);
    const order = anOrderOf(stuff);
    await orders.publish(order.created());
    await orders.waitUntilCatalogApplied();
    expect((await tryEdit(stuff)).errors).toEqual([RESERVED]);
    await orders.publish(order.cancelled());
    await orders.waitUntilCatalogApplied();
    expect((await tryEdit(stuff)).data?.updateStuff.version).toBe(1);
  });

  it('refuses edits with STUFF_SOLD once an order is completed, for good', async () => {
    const stuff = await listStuff(system, seller);
    const sale = anOrderOf(stuff);
    await orders.publish(sale.created(), sale.completed());
    await orders.waitUntilCatalogApplied();
    expect(await tryEdit(stuff)).toEqual({ data: null, errors: [SOLD] });
    // A later order coming and going (it should not happen, but events are not ours) changes nothing.
    const late = anOrderOf(stuff);
    await orders.publish(late.created(), late.cancelled());
    await orders.waitUntilCatalogApplied();
    expect(await tryEdit(stuff)).toEqual({ data: null, errors: [SOLD] });
  });

  it('still tells someone who is not the seller FORBIDDEN, not that the stuff is reserved or sold', async () => {
    const reserved = await listStuff(system, seller);
    const sold = await listStuff(system, seller);
    const sale = anOrderOf(sold);
    await orders.publish(anOrderOf(reserved).created(), sale.created(), sale.completed());
    await orders.waitUntilCatalogApplied();
    for (const stuff of [reserved, sold]) {
      expect((await tryEdit(stuff, stranger)).errors).toEqual([
        { message: 'Forbidden', path: ['updateStuff'], extensions: { code: 'FORBIDDEN' } },
      ]);
    }
    expect((await tryEdit(reserved)).errors).toEqual([RESERVED]);
  });

  it("ends editable when an order's cancellation arrives before its creation", async () => {
    const stuff = await listStuff(system, seller);
    const order = anOrderOf(stuff);
    await orders.publish(order.cancelled(), order.created());
    await orders.waitUntilCatalogApplied();
    expect((await tryEdit(stuff)).data?.updateStuff.version).toBe(1);
  });

  it("ends sold when an order's completion arrives before its creation", async () => {
    const stuff = await listStuff(system, seller);
    const order = anOrderOf(stuff);
    await orders.publish(order.completed(), order.created());
    await orders.waitUntilCatalogApplied();
    expect(await tryEdit(stuff)).toEqual({ data: null, errors: [SOLD] });
  });

  it('applies a redelivered event once and ignores an older version arriving late', async () => {
    const stuff = await listStuff(system, seller);
    const order = anOrderOf(stuff);
    const created = order.created();
    await orders.publish(created, order.cancelled());
    await orders.waitUntilCatalogApplied();
    // The same event again (a relay that died before marking it sent), then a stale copy under a new id.
    await orders.publish(created, order.created());
    await orders.waitUntilCatalogApplied();
    expect((await tryEdit(stuff)).data?.updateStuff.version).toBe(1);
  });

  it('reserves each stuff of a run of new orders read together, and frees the one whose order was cancelled in the same run', async () => {
    const stuffs = await Promise.all(Array.from({ length: 5 }, () => listStuff(system, seller)));
    const ordered = stuffs.map((stuff) => anOrderOf(stuff));
    await orders.publish(...ordered.map((order) => order.created()), ordered[2]!.cancelled());
    await orders.waitUntilCatalogApplied();
    const edits = await Promise.all(stuffs.map((stuff) => tryEdit(stuff)));
    expect(edits.map((edit) => (edit.errors ? 'reserved' : 'edited'))).toEqual([
      'reserved',
      'reserved',
      'edited',
      'reserved',
      'reserved',
    ]);
  });

  it('keeps the stuff reserved while any of its orders awaits payment', async () => {
    const stuff = await listStuff(system, seller);
    const [first, second] = [anOrderOf(stuff), anOrderOf(stuff)];
    await orders.publish(first.created(), second.created(), first.cancelled());
    await orders.waitUntilCatalogApplied();
    expect((await tryEdit(stuff)).errors).toEqual([RESERVED]);
  });
});
