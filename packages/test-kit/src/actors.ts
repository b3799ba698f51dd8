import type { GraphQLEndpoint } from './graphql-client.js';

export interface Actor {
  id: string;
  email: string;
  displayName: string;
  token: string;
  refreshToken: string;
}

export const ACTOR_PASSWORD = 'correct horse battery';

let counter = 0;

export interface SessionAnswer {
  accessToken: string;
  refreshToken: string;
  user: { id: string; displayName: string };
}

/** A new user, signed up through the gateway (its address not verified). */
export async function signUpActor(system: GraphQLEndpoint, name = 'user', email?: string): Promise<Actor> {
  const address = email ?? `${name}-${process.pid}-${++counter}-${Date.now()}@example.com`;
  const { body } = await system.graphql<{ signUp: SessionAnswer }>(
    `mutation ($input: SignUpInput!) {
      signUp(input: $input) { accessToken refreshToken user { id displayName } }
    }`,
    { input: { email: address, password: ACTOR_PASSWORD, displayName: `${name} ${counter}` } },
  );
  if (!body.data) throw new Error(`sign-up failed: ${JSON.stringify(body.errors)}`);
  const session = body.data.signUp;
  return {
    id: session.user.id,
    email: address,
    displayName: session.user.displayName,
    token: session.accessToken,
    refreshToken: session.refreshToken,
  };
}

/** A stuff listed by `seller` through the gateway; returns its id. */
export async function listStuff(
  system: GraphQLEndpoint,
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
