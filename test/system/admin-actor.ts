import { changeRole } from '@stuffmart/auth';
import { signUpActor, type Actor, type SessionAnswer } from '@stuffmart/test-kit';
import type { TestSystem } from './start-test-system.js';

/**
 * An ADMIN, made the way an operator makes one (`npm run admin -- grant`), then refreshed so
 * that its access token carries the role.
 */
export async function signUpAdmin(system: TestSystem, name = 'admin'): Promise<Actor> {
  const actor = await signUpActor(system, name);
  const env = system.env;
  await changeRole(
    { DATABASE_URL: env.DATABASE_URL!, STUFFMART_NAMESPACE: env.STUFFMART_NAMESPACE!, DATABASE_POOL_SIZE: 1 },
    actor.email,
    'ADMIN',
  );
  const { body } = await system.graphql<{ refreshSession: SessionAnswer }>(
    `mutation ($token: String) { refreshSession(refreshToken: $token) { accessToken refreshToken } }`,
    { token: actor.refreshToken },
  );
  if (!body.data) throw new Error(`refresh failed: ${JSON.stringify(body.errors)}`);
  return { ...actor, token: body.data.refreshSession.accessToken, refreshToken: body.data.refreshSession.refreshToken };
}
