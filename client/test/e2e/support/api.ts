import type { TestSystem } from '@stuffmart/test-kit';

/** Setup through the API, where the browser is not what a test is about. */
export async function signUpViaApi(system: TestSystem, email: string, password = 'correct horse 1'): Promise<string> {
  const { body } = await system.graphql<{ signUp: { accessToken: string } }>(
    'mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
    { input: { email, password } },
  );
  if (!body.data) throw new Error(`signUp failed: ${JSON.stringify(body.errors)}`);
  return body.data.signUp.accessToken;
}

export async function createStuffViaApi(
  system: TestSystem,
  token: string,
  input: { title: string; description: string; priceCents: number; currency?: string },
): Promise<string> {
  const { body } = await system.graphql<{ createStuff: { id: string } }>(
    'mutation ($input: CreateStuffInput!) { createStuff(input: $input) { id } }',
    { input },
    { token },
  );
  if (!body.data) throw new Error(`createStuff failed: ${JSON.stringify(body.errors)}`);
  return body.data.createStuff.id;
}

export async function createCouponViaApi(system: TestSystem, adminToken: string, percentOff: number): Promise<string> {
  const { body } = await system.graphql<{ createCoupon: { code: string } }>(
    'mutation ($input: CreateCouponInput!) { createCoupon(input: $input) { code } }',
    { input: { percentOff, maxRedemptions: 5 } },
    { token: adminToken },
  );
  if (!body.data) throw new Error(`createCoupon failed: ${JSON.stringify(body.errors)}`);
  return body.data.createCoupon.code;
}
