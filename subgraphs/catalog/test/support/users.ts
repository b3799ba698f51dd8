import type { TestSystem } from '../../../../test/system/index.js';

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

export async function signUp(system: TestSystem, email: string): Promise<TestUser> {
  const { body } = await system.graphql<any>(
    `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken user { id email displayName } } }`,
    { input: { email, password: 'correct horse', displayName: email.split('@')[0] } },
  );
  if (!body.data) throw new Error(`sign-up failed: ${JSON.stringify(body.errors)}`);
  return { id: body.data.signUp.user.id, email: body.data.signUp.user.email, token: body.data.signUp.accessToken };
}
