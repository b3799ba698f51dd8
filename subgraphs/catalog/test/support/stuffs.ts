import type { TestSystem } from '../../../../test/system/index.js';
import type { TestUser } from './users.js';

export const STUFF_FIELDS = 'id title description priceCents currency version createdAt updatedAt seller { id }';

export interface TestStuff {
  id: string;
  title: string;
  description: string;
  priceCents: number;
  currency: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  seller: { id: string };
}

const CREATE = `mutation ($input: CreateStuffInput!) { createStuff(input: $input) { ${STUFF_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateStuffInput!) { updateStuff(id: $id, input: $input) { ${STUFF_FIELDS} } }`;
const READ = `query ($id: ID!) { stuff(id: $id) { ${STUFF_FIELDS} } }`;

export function createStuffAs(system: TestSystem, user: TestUser | null, input: Record<string, unknown>) {
  return system.graphql<{ createStuff: TestStuff }>(CREATE, { input }, user ? { token: user.token } : {});
}

/** Creates a stuff that must be accepted. */
export async function listStuff(
  system: TestSystem,
  seller: TestUser,
  input: Record<string, unknown> = {},
): Promise<TestStuff> {
  const { body } = await createStuffAs(system, seller, { title: 'Calculus notes', priceCents: 1500, ...input });
  if (!body.data) throw new Error(`createStuff failed: ${JSON.stringify(body.errors)}`);
  return body.data.createStuff;
}

export function updateStuffAs(system: TestSystem, user: TestUser | null, id: string, input: Record<string, unknown>) {
  return system.graphql<{ updateStuff: TestStuff }>(UPDATE, { id, input }, user ? { token: user.token } : {});
}

export async function readStuff(system: TestSystem, id: string): Promise<TestStuff | null> {
  const { body } = await system.graphql<{ stuff: TestStuff | null }>(READ, { id });
  if (!body.data) throw new Error(`stuff(id) failed: ${JSON.stringify(body.errors)}`);
  return body.data.stuff;
}
