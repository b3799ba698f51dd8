import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';
import { publishedEventsOf } from './support/catalog-stream.js';
import { createStuffAs, listStuff, readStuff } from './support/stuffs.js';
import { signUp, type TestUser } from './support/users.js';

let system: TestSystem;
let seller: TestUser;

beforeAll(async () => {
  system = await startTestSystem();
  seller = await signUp(system, 'seller@example.com');
});
afterAll(() => system?.close());

describe('listing stuff', () => {
  it('creates stuff at version 0 for the signed-in seller, trimmed, with the default description and currency', async () => {
    const before = Date.now();
    const { body } = await createStuffAs(system, seller, { title: '  Linear algebra notes  ', priceCents: 1200 });
    expect(body.errors).toBeUndefined();
    const stuff = body.data!.createStuff;
    expect(stuff).toMatchObject({
      title: 'Linear algebra notes',
      description: '',
      priceCents: 1200,
      currency: 'usd',
      version: 0,
      seller: { id: seller.id },
    });
    expect(stuff.updatedAt).toBe(stuff.createdAt);
    expect(new Date(stuff.createdAt).toISOString()).toBe(stuff.createdAt);
    expect(new Date(stuff.createdAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('reads back by id exactly what was created', async () => {
    const created = await listStuff(system, seller, {
      title: 'Concert ticket',
      description: 'Row 5, seat 12',
      priceCents: 4500,
      currency: 'eur',
    });
    expect(await readStuff(system, created.id)).toEqual(created);
  });

  it('stores the currency lower-case whatever case it was given in', async () => {
    const stuff = await listStuff(system, seller, { currency: 'GBP' });
    expect(stuff.currency).toBe('gbp');
  });

  it('resolves the seller through the auth subgraph: public fields for anyone, the e-mail for the seller only', async () => {
    const stuff = await listStuff(system, seller);
    const query = `query ($id: ID!) { stuff(id: $id) { seller { id displayName email emailVerified } } }`;
    const stranger = await system.graphql<any>(query, { id: stuff.id });
    expect(stranger.body).toEqual({
      data: { stuff: { seller: { id: seller.id, displayName: 'seller', email: null, emailVerified: false } } },
    });
    const own = await system.graphql<any>(query, { id: stuff.id }, { token: seller.token });
    expect(own.body.data.stuff.seller.email).toBe('seller@example.com');
  });

  it('refuses a signed-out caller with UNAUTHENTICATED "Not authorized", before looking at the input', async () => {
    for (const input of [
      { title: 'Bike', priceCents: 9000 },
      { title: '', priceCents: 0 },
    ]) {
      const { body } = await createStuffAs(system, null, input);
      expect(body).toEqual({
        data: null,
        errors: [{ message: 'Not authorized', path: ['createStuff'], extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
  });

  it('answers stuff(id) with null, not an error, for an unknown id and for a malformed one', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1'; DROP TABLE stuffs; --"]) {
      const { body } = await system.graphql(`query ($id: ID!) { stuff(id: $id) { id } }`, { id });
      expect(body).toEqual({ data: { stuff: null } });
    }
  });

  it('resolves Stuff entity references, as another subgraph asks for them, with null for unknown ids', async () => {
    const [a, b] = [await listStuff(system, seller, { title: 'A' }), await listStuff(system, seller, { title: 'B' })];
    const { body } = await postGraphQL<any>(
      system.subgraphs.catalog!.url,
      `query ($refs: [_Any!]!) { _entities(representations: $refs) { ... on Stuff { id title seller { id } } } }`,
      {
        refs: [b.id, 'not-a-uuid', a.id, '00000000-0000-4000-8000-000000000000'].map((id) => ({
          __typename: 'Stuff',
          id,
        })),
      },
    );
    expect(body).toEqual({
      data: {
        _entities: [
          { id: b.id, title: 'B', seller: { id: seller.id } },
          null,
          { id: a.id, title: 'A', seller: { id: seller.id } },
          null,
        ],
      },
    });
  });

  it('publishes stuff.created with version 0 and the snapshot the orders subgraph copies', async () => {
    const stuff = await listStuff(system, seller, { title: 'Lab coat', priceCents: 2500, currency: 'usd' });
    const events = await publishedEventsOf(system, stuff.id, 1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'stuff.created',
      subjectId: stuff.id,
      subjectVersion: 0,
      data: { stuffId: stuff.id, sellerId: seller.id, title: 'Lab coat', priceCents: 2500, currency: 'usd' },
    });
  });
});
