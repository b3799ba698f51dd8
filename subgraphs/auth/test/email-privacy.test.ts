import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStuff, signUpActor, type Actor } from '@stuffmart/test-kit';
import { signUpAdmin, startTestSystem, type TestSystem } from '../../../test/system/index.js';

const USER = `query ($id: ID!) { user(id: $id) { id displayName email emailVerified } }`;
const SELLER = `query ($id: ID!) { stuff(id: $id) { seller { id displayName email emailVerified } } }`;

let system: TestSystem;
let seller: Actor;
let other: Actor;
let admin: Actor;
let stuffId: string;
beforeAll(async () => {
  system = await startTestSystem();
  seller = await signUpActor(system, 'seller');
  other = await signUpActor(system, 'other');
  admin = await signUpAdmin(system);
  stuffId = await listStuff(system, seller);
});
afterAll(() => system?.close());

async function asSeenBy(viewer: Actor | undefined) {
  const options = viewer ? { token: viewer.token } : {};
  const byId = await system.graphql<any>(USER, { id: seller.id }, options);
  const bySale = await system.graphql<any>(SELLER, { id: stuffId }, options);
  expect(byId.body.errors).toBeUndefined();
  expect(bySale.body.errors).toBeUndefined();
  expect(bySale.body.data.stuff.seller).toEqual(byId.body.data.user);
  return byId.body.data.user;
}

describe("a user's e-mail", () => {
  it('is null, without an error, for a stranger; the name and the badge are public', async () => {
    expect(await asSeenBy(undefined)).toEqual({
      id: seller.id,
      displayName: seller.displayName,
      email: null,
      emailVerified: false,
    });
  });

  it('is null for another signed-in user', async () => {
    expect((await asSeenBy(other)).email).toBeNull();
  });

  it('is readable by the user themself and by an ADMIN', async () => {
    expect((await asSeenBy(seller)).email).toBe(seller.email);
    expect((await asSeenBy(admin)).email).toBe(seller.email);
  });

  it('is hidden in lists too, for every seller at once', async () => {
    const { body } = await system.graphql<any>(
      `{ stuffs(first: 10) { nodes { seller { displayName email } } } }`,
      {},
      {
        token: other.token,
      },
    );
    expect(body.data.stuffs.nodes).toEqual([{ seller: { displayName: seller.displayName, email: null } }]);
  });
});
