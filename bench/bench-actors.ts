import { adminCommandConfigSchema, changeRole } from '@stuffmart/auth';
import { loadConfig } from '@stuffmart/common';
import { postGraphQL } from '@stuffmart/test-kit';
import { postJson, type BenchReply } from './bench-client.js';
import type { BenchSystem } from './bench-system.js';

export interface BenchActor {
  id: string;
  token: string;
}

let counter = 0;

export async function benchUser(system: BenchSystem, name: string): Promise<BenchActor> {
  const { body } = await postGraphQL<any>(
    system.gatewayUrl,
    `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }`,
    {
      input: {
        email: `${name}-${++counter}-${Date.now()}@bench.test`,
        password: 'benchmark password',
        displayName: name,
      },
    },
  );
  return { id: body.data.signUp.user.id, token: body.data.signUp.accessToken };
}

export async function benchUsers(system: BenchSystem, count: number, name: string): Promise<BenchActor[]> {
  const users: BenchActor[] = [];
  // In waves: scrypt at OWASP cost takes 128 MiB a hash, and 25 at once outlast
  // SUBGRAPH_TIMEOUT_MS (10 s) when the machine is shared.
  for (let start = 0; start < count; start += 10) {
    users.push(
      ...(await Promise.all(Array.from({ length: Math.min(10, count - start) }, () => benchUser(system, name)))),
    );
  }
  return users;
}

export async function benchStuff(system: BenchSystem, seller: BenchActor, priceCents = 1000): Promise<string> {
  const { body } = await postGraphQL<any>(
    system.gatewayUrl,
    `mutation ($input: CreateStuffInput!) { createStuff(input: $input) { id } }`,
    { input: { title: `Bench stuff ${++counter}`, description: 'for the benchmark', priceCents } },
    { token: seller.token },
  );
  return body.data.createStuff.id;
}

export async function benchBuy(system: BenchSystem, buyer: BenchActor, stuffId: string): Promise<BenchReply> {
  return postJson(
    system.gatewayUrl,
    { query: `mutation ($stuffId: ID!) { buyStuff(stuffId: $stuffId) { id expiresAt } }`, variables: { stuffId } },
    buyer.token,
  );
}

/**
 * A coupon made by an admin, as in production: an account signed up, given the role as an
 * operator would (`npm run admin -- grant`), signed in again for a token with it.
 */
export async function benchCoupon(system: BenchSystem, percentOff = 100, maxRedemptions = 1000): Promise<string> {
  const credentials = { email: `admin-${++counter}-${Date.now()}@bench.test`, password: 'benchmark password' };
  await postGraphQL(system.gatewayUrl, `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
    input: { ...credentials, displayName: 'Bench admin' },
  });
  await changeRole(loadConfig(adminCommandConfigSchema, system.env), credentials.email, 'ADMIN');
  const admin = await postGraphQL<any>(
    system.gatewayUrl,
    `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
    { input: credentials },
  );
  const coupon = await postGraphQL<any>(
    system.gatewayUrl,
    `mutation ($input: CreateCouponInput!) { createCoupon(input: $input) { code } }`,
    { input: { percentOff, maxRedemptions } },
    { token: admin.body.data.signIn.accessToken },
  );
  return coupon.body.data.createCoupon.code;
}
