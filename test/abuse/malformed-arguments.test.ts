import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStuff, signUpActor, type Actor } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../system/index.js';

/** Ids a client may send that name nothing: never a database error, never anything stored. */
const NOT_IDS = ['nope', "1' OR '1'='1", '00000000-0000-4000-8000-00000000000Z', 'x'.repeat(20_000)];

let system: TestSystem;
let seller: Actor;
let buyer: Actor;
beforeAll(async () => {
  system = await startTestSystem();
  seller = await signUpActor(system, 'seller');
  buyer = await signUpActor(system, 'buyer');
});
afterAll(() => system?.close());

const notFound = (path: string, thing: string) => [
  { message: `${thing} not found`, path: [path], extensions: { code: 'NOT_FOUND' } },
];

describe('ids that are no UUID', () => {
  it.each(NOT_IDS.map((id) => [id.slice(0, 40), id]))('are unknown to every mutation: %s', async (_name, id) => {
    const buy = await system.graphql(`mutation ($id: ID!) { buyStuff(stuffId: $id) { id } }`, { id }, buyer);
    expect(buy.body.errors).toEqual(notFound('buyStuff', 'Stuff'));
    const cancel = await system.graphql(`mutation ($id: ID!) { cancelOrder(id: $id) { id } }`, { id }, buyer);
    expect(cancel.body.errors).toEqual(notFound('cancelOrder', 'Order'));
    const update = await system.graphql(
      `mutation ($id: ID!) { updateStuff(id: $id, input: { title: "x" }) { id } }`,
      { id },
      seller,
    );
    expect(update.body.errors).toEqual(notFound('updateStuff', 'Stuff'));
  });

  it.each(NOT_IDS.map((id) => [id.slice(0, 40), id]))('read as null: %s', async (_name, id) => {
    const read = await system.graphql(
      `query ($id: ID!) { stuff(id: $id) { id } order(id: $id) { id } }`,
      { id },
      buyer,
    );
    expect(read.body).toEqual({ data: { stuff: null, order: null } });
  });
});

describe('strings longer than api.graphql allows', () => {
  it('are refused with BAD_USER_INPUT naming each field, and nothing is listed', async () => {
    const { body } = await system.graphql<any>(
      `mutation ($input: CreateStuffInput!) { createStuff(input: $input) { id } }`,
      {
        input: {
          title: 'T'.repeat(100_000),
          description: 'D'.repeat(5001),
          priceCents: 100,
          currency: 'C'.repeat(50_000),
        },
      },
      seller,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((body.errors?.[0]?.extensions?.fields as any[]).map((f) => f.field).sort()).toEqual([
      'currency',
      'description',
      'title',
    ]);
    const mine = await system.graphql<any>(`{ me { stuffs { nodes { id } } } }`, {}, seller);
    expect(mine.body.data.me.stuffs.nodes).toEqual([]);
  });

  it('are refused on update too, and the stuff stays as it was', async () => {
    const stuffId = await listStuff(system, seller, { title: 'Kept' });
    const { body } = await system.graphql<any>(
      `mutation ($id: ID!, $input: UpdateStuffInput!) { updateStuff(id: $id, input: $input) { id } }`,
      { id: stuffId, input: { title: 'T'.repeat(201) } },
      seller,
    );
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'title', message: 'Title must be between 1 and 200 characters' }],
    });
    const read = await system.graphql<any>(`query ($id: ID!) { stuff(id: $id) { title version } }`, { id: stuffId });
    expect(read.body.data.stuff).toEqual({ title: 'Kept', version: 0 });
  });
});
