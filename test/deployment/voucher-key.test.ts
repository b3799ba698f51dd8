import { randomBytes, randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveInternalKey, INTERNAL_IDENTITY_HEADER, signInternalIdentity } from '@stuffmart/common';
import { listStuff, postGraphQL, signUpActor } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../system/index.js';
import { BUNDLED } from '../../scripts/services.js';
import { ROOT } from './compose-config.js';
import { SIGNERS } from './deployment-units.js';
import { configRefusals } from './service-config.js';

const JWT_KEY = randomBytes(32).toString('base64url');
const VOUCHER_KEY = randomBytes(32).toString('base64url');
// The worker checks no vouchers, so it reads neither key.
const voucherReaders = BUNDLED.filter((deployable) => deployable.secrets.includes('VOUCHER_KEY'));

describe('who holds which key', () => {
  it.each(BUNDLED)('$name starts with VOUCHER_KEY alone only if it signs nothing', async (deployable) => {
    const refusals = await configRefusals(deployable, { VOUCHER_KEY });
    if (SIGNERS.includes(deployable.name)) expect(refusals.join('\n')).toMatch(/^JWT_KEY: is required/m);
    else expect(refusals).toEqual([]);
  });

  it.each(voucherReaders.filter((deployable) => !SIGNERS.includes(deployable.name)))(
    '$name refuses to start with neither key, naming VOUCHER_KEY',
    async (deployable) => {
      expect(await configRefusals(deployable, {})).toEqual([
        'VOUCHER_KEY: is required: the key the gateway signs identity vouchers with (npm run derive-voucher-key)',
      ]);
    },
  );

  it.each(voucherReaders)('$name refuses a VOUCHER_KEY that is JWT_KEY itself', async (deployable) => {
    expect(await configRefusals(deployable, { JWT_KEY, VOUCHER_KEY: JWT_KEY })).toContain(
      'VOUCHER_KEY: must differ from JWT_KEY',
    );
  });

  it('npm run derive-voucher-key prints the key the gateway derives from JWT_KEY', () => {
    const run = spawnSync('npm', ['run', '-s', 'derive-voucher-key'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', JWT_KEY },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(deriveInternalKey(JWT_KEY));
  });
});

describe('a system whose subgraphs hold VOUCHER_KEY and not JWT_KEY', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // A voucher key of its own, not derived: the gateway, auth and the subgraphs share it.
    system = await startTestSystem({ JWT_KEY, VOUCHER_KEY });
  });
  afterAll(() => system?.close());

  it('serves signed-in requests end to end', async () => {
    const seller = await signUpActor(system, 'seller');
    const id = await listStuff(system, seller);
    const { body } = await system.graphql<{ stuff: { seller: { id: string } } }>(
      'query ($id: ID!) { stuff(id: $id) { seller { id } } }',
      { id },
    );
    expect(body.data?.stuff.seller.id).toBe(seller.id);
  });

  it('takes vouchers signed with VOUCHER_KEY, and signs out one signed with the key derived from JWT_KEY', async () => {
    const createStuffWith = async (key: string) => {
      const voucher = signInternalIdentity(key, {
        user: { userId: randomUUID(), email: 'seller@example.com', role: 'USER', sessionId: randomUUID() },
        clientIp: null,
      });
      const { body } = await postGraphQL<{ createStuff: { id: string } }>(
        system.subgraphs.catalog!.url,
        'mutation ($input: CreateStuffInput!) { createStuff(input: $input) { id } }',
        { input: { title: 'Calculus notes', priceCents: 1500 } },
        { headers: { [INTERNAL_IDENTITY_HEADER]: voucher } },
      );
      return body.errors?.[0]?.extensions?.code ?? 'OK';
    };
    expect(await createStuffWith(VOUCHER_KEY)).toBe('OK');
    expect(await createStuffWith(deriveInternalKey(JWT_KEY))).toBe('UNAUTHENTICATED');
  });
});
