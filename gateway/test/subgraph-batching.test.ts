import {
  BatchFrameReader,
  deriveInternalKey,
  encodeBatchRequest,
  INTERNAL_IDENTITY_HEADER,
  MAX_BATCH_OPERATIONS,
  signInternalIdentity,
  SUBGRAPH_BATCH_PATH,
  type BatchFrameHead,
} from '@stuffmart/common/runtime';
import { ACTOR_PASSWORD, cookieJar, signUpActor, type Actor } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../test/system/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ME = '{ me { id email } }';

/** The batches auth has served so far, and the operations they held (its /metrics). */
async function authBatches(system: TestSystem): Promise<{ batches: number; operations: number }> {
  const text = await (await fetch(system.metricsUrls.auth!)).text();
  const read = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return {
    batches: read('stuffmart_graphql_batch_operations_count'),
    operations: read('stuffmart_graphql_batch_operations_sum'),
  };
}

/** POSTs a batch to a subgraph as the gateway would; its answers by operation, and the status. */
async function postBatch(
  subgraphUrl: string,
  body: string,
): Promise<{ status: number; answers: Map<number, { head: BatchFrameHead; body: any }> }> {
  const response = await fetch(new URL(SUBGRAPH_BATCH_PATH, subgraphUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const answers = new Map<number, { head: BatchFrameHead; body: any }>();
  const bytes = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) return { status: response.status, answers };
  const reader = new BatchFrameReader((head, frame) =>
    answers.set(head.index, { head, body: JSON.parse(frame.toString('utf8')) }),
  );
  // Byte by byte: a frame split anywhere, even inside a character, is still read whole.
  for (let i = 0; i < bytes.length; i++) reader.push(bytes.subarray(i, i + 1));
  expect(reader.incomplete).toBe(false);
  return { status: response.status, answers };
}

/** A refused batch as "status CODE": the refusal is in the contract's error shape. */
async function refusalOf(subgraphUrl: string, body: string): Promise<string> {
  const response = await fetch(new URL(SUBGRAPH_BATCH_PATH, subgraphUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const answer = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  return `${response.status} ${answer.errors?.[0]?.extensions?.code}`;
}

describe("the gateway batches a turn's calls to a subgraph", () => {
  let system: TestSystem;
  let users: Actor[];
  beforeAll(async () => {
    system = await startTestSystem();
    users = await Promise.all(Array.from({ length: 8 }, (_, n) => signUpActor(system, `caller${n}`)));
  });
  afterAll(() => system?.close());

  it('answers callers sent at once, in batches, each as itself', async () => {
    const before = await authBatches(system);
    let after = before;
    // Requests that reach the gateway in the same turn go as one batch; a few waves make sure.
    for (let wave = 0; wave < 20 && after.batches === before.batches; wave++) {
      const callers = [...users, undefined, undefined];
      const answers = await Promise.all(
        callers.map(async (caller) => ({
          caller,
          body: (await system.graphql<{ me: { id: string; email: string } | null }>(ME, {}, { token: caller?.token }))
            .body,
        })),
      );
      for (const { caller, body } of answers) {
        expect(body.errors).toBeUndefined();
        expect(body.data?.me).toEqual(caller ? { id: caller.id, email: caller.email } : null);
      }
      after = await authBatches(system);
    }
    expect(after.batches).toBeGreaterThan(before.batches);
    expect(after.operations - before.operations).toBeGreaterThanOrEqual(2 * (after.batches - before.batches));
  });

  it('gives each mutation of a batch its own response headers: sign-ins at once, each its own session', async () => {
    const before = await authBatches(system);
    const signIns = await Promise.all(
      users.slice(0, 4).map(async (user) => ({
        user,
        response: await system.graphql<{ signIn: { user: { email: string } } }>(
          `mutation ($input: SignInInput!) { signIn(input: $input) { user { email } } }`,
          { input: { email: user.email, password: ACTOR_PASSWORD } },
        ),
      })),
    );
    for (const { user, response } of signIns) {
      expect(response.body.data?.signIn.user.email).toBe(user.email);
      const me = await system.graphql<{ me: { email: string } }>(ME, {}, { cookie: cookieJar(response.headers) });
      expect(me.body.data?.me.email).toBe(user.email);
    }
    expect((await authBatches(system)).batches).toBeGreaterThan(before.batches);
  });

  it('runs each operation of a batch with its own voucher at the subgraph: a forged one is signed out', async () => {
    const key = deriveInternalKey(system.env.JWT_KEY!);
    const voucherOf = (user: Actor) =>
      signInternalIdentity(key, {
        user: { userId: user.id, email: user.email, role: 'USER', sessionId: '00000000-0000-4000-8000-000000000000' },
        clientIp: '127.0.0.1',
      });
    const forged = signInternalIdentity(deriveInternalKey('a key that is not the gateway’s, 32+ chars'), {
      user: {
        userId: users[0]!.id,
        email: users[0]!.email,
        role: 'ADMIN',
        sessionId: '00000000-0000-4000-8000-000000000000',
      },
      clientIp: '127.0.0.1',
    });
    const body = JSON.stringify({ query: ME });
    const { status, answers } = await postBatch(
      system.subgraphs.auth!.url,
      encodeBatchRequest([
        { headers: { [INTERNAL_IDENTITY_HEADER]: voucherOf(users[1]!) }, body },
        { headers: { [INTERNAL_IDENTITY_HEADER]: forged }, body },
        { headers: {}, body },
        { headers: { [INTERNAL_IDENTITY_HEADER]: voucherOf(users[2]!) }, body: '{"query":"{ me { "}' },
        { headers: { [INTERNAL_IDENTITY_HEADER]: voucherOf(users[3]!) }, body },
      ]),
    );
    expect(status).toBe(200);
    expect(answers.size).toBe(5);
    expect(answers.get(0)!.body.data.me.email).toBe(users[1]!.email);
    expect(answers.get(1)!.body.data.me).toBeNull();
    expect(answers.get(2)!.body.data.me).toBeNull();
    // A broken operation is its own 400, as it would be alone; its neighbours are answered.
    expect(answers.get(3)!.head.status).toBe(400);
    expect(answers.get(3)!.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(answers.get(4)!.body.data.me.email).toBe(users[3]!.email);
  });

  it('refuses what is not a batch before running anything', async () => {
    const url = system.subgraphs.auth!.url;
    const one = { headers: {}, body: JSON.stringify({ query: ME }) };
    expect(await refusalOf(url, 'not json')).toBe('400 BAD_REQUEST');
    expect(await refusalOf(url, '[]')).toBe('400 BAD_REQUEST');
    expect(await refusalOf(url, '[{"headers":{"x":1},"body":{}}]')).toBe('400 BAD_REQUEST');
    expect(await refusalOf(url, encodeBatchRequest(Array(MAX_BATCH_OPERATIONS + 1).fill(one)))).toBe('400 BAD_REQUEST');
    expect((await postBatch(url, encodeBatchRequest(Array(MAX_BATCH_OPERATIONS).fill(one)))).status).toBe(200);
    const tooLarge = encodeBatchRequest([
      { headers: {}, body: JSON.stringify({ query: ME, padding: 'x'.repeat(1100 * 1024) }) },
    ]);
    expect(await refusalOf(url, tooLarge)).toBe('413 BAD_REQUEST');
  });
});
