import type { TestSystem } from './start-test-system.js';

export interface Actor {
  id: string;
  email: string;
  token: string;
}

let counter = 0;

/** A new user, signed up through the gateway. */
export async function signUpActor(system: TestSystem, name = 'user'): Promise<Actor> {
  const email = `${name}-${process.pid}-${++counter}-${Date.now()}@example.com`;
  const { body } = await system.graphql<{ signUp: { accessToken: string; user: { id: string } } }>(
    `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }`,
    { input: { email, password: 'correct horse battery' } },
  );
  if (!body.data) throw new Error(`sign-up failed: ${JSON.stringify(body.errors)}`);
  return { id: body.data.signUp.user.id, email, token: body.data.signUp.accessToken };
}

/** A stuff listed by `seller` through the gateway; returns its id. */
export async function listStuff(
  system: TestSystem,
  seller: Actor,
  input: { title?: string; description?: string; priceCents?: number; currency?: string } = {},
): Promise<string> {
  const { body } = await system.graphql<{ createStuff: { id: string } }>(
    `mutation ($input: CreateStuffInput!) { createStuff(input: $input) { id } }`,
    { input: { title: 'Calculus notes', priceCents: 1500, ...input } },
    { token: seller.token },
  );
  if (!body.data) throw new Error(`createStuff failed: ${JSON.stringify(body.errors)}`);
  return body.data.createStuff.id;
}

/** Polls until `probe` returns something other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
