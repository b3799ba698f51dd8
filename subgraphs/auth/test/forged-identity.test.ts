import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../../test/system/index.js';

let system: TestSystem;
let accessToken: string;
let userId: string;

beforeAll(async () => {
  system = await startTestSystem();
  const { body } = await system.graphql<any>(
    `mutation { signUp(input: { email: "victim@example.com", password: "correct horse", displayName: "Victim" }) { accessToken user { id } } }`,
  );
  accessToken = body.data.signUp.accessToken;
  userId = body.data.signUp.user.id;
});
afterAll(() => system?.close());

describe('a subgraph called directly', () => {
  const me = (headers: Record<string, string>) =>
    postGraphQL(system.subgraphs.auth!.url, `{ me { id email } }`, {}, { headers });

  it('grants nothing to headers a caller made up', async () => {
    const attempts: Array<Record<string, string>> = [
      { 'x-user-id': userId, 'x-user-role': 'ADMIN' },
      { authorization: `Bearer ${accessToken}` },
      { cookie: `session=${accessToken}` },
      // the user's own token is not the gateway's voucher
      { 'x-stuffmart-identity': accessToken },
      // a voucher signed with JWT_KEY itself rather than the derived internal key
      {
        'x-stuffmart-identity': jwt.sign(
          { email: 'victim@example.com', role: 'ADMIN', sid: 'x' },
          system.env.JWT_KEY!,
          { algorithm: 'HS256', subject: userId, issuer: 'stuffmart-gateway', audience: 'stuffmart-subgraphs' },
        ),
      },
      { 'x-stuffmart-identity': 'garbage' },
    ];
    for (const headers of attempts) {
      const { body } = await me(headers);
      expect(body).toEqual({ data: { me: null } });
    }
  });

  it('does know the user when the gateway vouches for the same request', async () => {
    const { body } = await system.graphql(`{ me { id } }`, {}, { token: accessToken });
    expect(body).toEqual({ data: { me: { id: userId } } });
  });
});
