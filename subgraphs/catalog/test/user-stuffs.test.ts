import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '@stuffmart/test-kit';
import { listStuff } from './support/stuffs.js';
import { signUp, type TestUser } from './support/users.js';

let system: TestSystem;
let alice: TestUser;
let bob: TestUser;
let newbie: TestUser;
const titlesOf = (stuffs: Array<{ title: string }>) => stuffs.map((stuff) => stuff.title);

beforeAll(async () => {
  system = await startTestSystem();
  alice = await signUp(system, 'alice@example.com');
  bob = await signUp(system, 'bob@example.com');
  newbie = await signUp(system, 'newbie@example.com');
  // One at a time, so that "newest first" has one right answer.
  for (const title of ['Alice 1', 'Alice 2', 'Alice 3']) await listStuff(system, alice, { title });
  for (const title of ['Bob 1', 'Bob 2']) await listStuff(system, bob, { title });
});
afterAll(() => system?.close());

describe("a user's stuffs", () => {
  it('lists what user(id) sells, newest first, and nothing of anyone else', async () => {
    const { body } = await system.graphql<any>(
      `query ($id: ID!) { user(id: $id) { displayName stuffs { title seller { id } } } }`,
      {
        id: alice.id,
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.user.displayName).toBe('alice');
    expect(titlesOf(body.data.user.stuffs)).toEqual(['Alice 3', 'Alice 2', 'Alice 1']);
    expect(body.data.user.stuffs.every((stuff: any) => stuff.seller.id === alice.id)).toBe(true);
  });

  it('lists what the signed-in user sells under me', async () => {
    const { body } = await system.graphql<any>(`{ me { stuffs { title } } }`, {}, { token: bob.token });
    expect(body).toEqual({ data: { me: { stuffs: [{ title: 'Bob 2' }, { title: 'Bob 1' }] } } });
  });

  it('gives an empty list, not null, to a user who sells nothing', async () => {
    const { body } = await system.graphql<any>(`{ me { stuffs { id } } }`, {}, { token: newbie.token });
    expect(body).toEqual({ data: { me: { stuffs: [] } } });
  });

  it("answers each seller's stuffs in one request across many stuffs, through both subgraphs", async () => {
    const { body } = await system.graphql<any>(
      `{ stuffs(first: 10) { nodes { title seller { displayName stuffs { title } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    for (const node of body.data.stuffs.nodes) {
      const mine = node.seller.displayName === 'alice' ? ['Alice 3', 'Alice 2', 'Alice 1'] : ['Bob 2', 'Bob 1'];
      expect(titlesOf(node.seller.stuffs)).toEqual(mine);
      expect(mine).toContain(node.title);
    }
    expect(body.data.stuffs.nodes).toHaveLength(5);
  });
});
