import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../test/system/index.js';

/** Nothing internal may reach a client: no stack, SQL, file path, host, port or driver code. */
function expectNoInternals(body: unknown) {
  const text = JSON.stringify(body);
  for (const leak of [
    /stack/i,
    /SELECT|INSERT|UPDATE |relation "/,
    /\/work\/|node_modules|\.ts:\d/,
    /127\.0\.0\.1|localhost|https?:\/\//,
    /ECONN|ETIMEDOUT|EPIPE/,
    /serviceName|exception/,
  ]) {
    expect(text).not.toMatch(leak);
  }
}

function expectContractShape(body: any, code: string, message: string | RegExp, data: unknown = null) {
  expect(body.data ?? null).toEqual(data);
  expect(body.errors).toHaveLength(1);
  const [error] = body.errors;
  expect(error.extensions.code).toBe(code);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
  expect(Object.keys(error.extensions).sort()).toEqual(code === 'BAD_USER_INPUT' ? ['code', 'fields'] : ['code']);
  expectNoInternals(body);
}

const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`;

describe('every error reaches the client in the contract shape', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  it('BAD_USER_INPUT from a rule, with fields', async () => {
    const { body } = await system.graphql(
      `mutation { signUp(input: { email: "x", password: "y", displayName: "X" }) { accessToken } }`,
    );
    expectContractShape(body, 'BAD_USER_INPUT', 'Invalid input');
    expect((body.errors![0]!.extensions!.fields as unknown[]).length).toBe(2);
  });

  it('BAD_USER_INPUT for a variable of the wrong type, naming the argument', async () => {
    const { body } = await system.graphql(SIGN_IN, { input: { email: 'a@b.c' } });
    expectContractShape(body, 'BAD_USER_INPUT', 'Invalid input');
    expect(body.errors![0]!.extensions!.fields).toEqual([
      { field: 'input', message: expect.stringContaining('password') },
    ]);
  });

  it('UNAUTHENTICATED for wrong credentials', async () => {
    const { body } = await system.graphql(SIGN_IN, { input: { email: 'nobody@example.com', password: 'whatever1' } });
    expectContractShape(body, 'UNAUTHENTICATED', 'Invalid credentials');
  });

  it('GRAPHQL_PARSE_FAILED keeps its standard code', async () => {
    const { status, body } = await system.graphql(`{ me { id `);
    // GraphQL over HTTP: 200 under application/json (the default), 400 under graphql-response+json.
    expect(status).toBe(200);
    expectContractShape(body, 'GRAPHQL_PARSE_FAILED', /Syntax Error/);
    const strict = await system.graphql(`{ me { id `, {}, { headers: { accept: 'application/graphql-response+json' } });
    expect(strict.status).toBe(400);
    expect(strict.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expectContractShape(strict.body, 'GRAPHQL_PARSE_FAILED', /Syntax Error/);
  });

  it('GRAPHQL_VALIDATION_FAILED keeps its standard code', async () => {
    const { body } = await system.graphql(`{ me { passwordHash } }`);
    expectContractShape(body, 'GRAPHQL_VALIDATION_FAILED', /passwordHash/);
  });

  it('refuses a query 12 levels deep before it runs', async () => {
    const deep = `{ __type(name: "User") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }`;
    const { body } = await system.graphql(deep);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toBe('Query is too deep: 11, limit 10');
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a query of too many tokens while parsing', async () => {
    const { status, body } = await system.graphql(`{ ${'me { id } '.repeat(1000)} }`);
    expect(status).toBe(200);
    expectContractShape(body, 'GRAPHQL_VALIDATION_FAILED', 'Query has too many tokens: more than 3000, limit 3000');
  });

  it('refuses a request without a JSON content type (CSRF prevention)', async () => {
    const response = await fetch(`${system.url}?query=${encodeURIComponent('{ me { id } }')}`);
    expect(response.status).toBe(400);
  });
});

describe('outages reach the client in the contract shape', () => {
  let system: TestSystem;
  let postgres: TcpProxy;
  let redis: TcpProxy;
  beforeAll(async () => {
    postgres = await startTcpProxy(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    redis = await startTcpProxy(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    system = await startTestSystem({
      DATABASE_URL: postgres.wrap(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'),
      REDIS_URL: redis.wrap(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
    });
  });
  afterAll(async () => {
    // The proxies are gone; clean up through the real servers.
    system.env.DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    system.env.REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    await system?.close();
  });

  it('INTERNAL_SERVER_ERROR, "Something went wrong", when Redis is gone', async () => {
    await redis.cut();
    const { body } = await system.graphql(SIGN_IN, { input: { email: 'a@example.com', password: 'whatever1' } });
    expectContractShape(body, 'INTERNAL_SERVER_ERROR', 'Something went wrong');
  });

  it('DATABASE_CONNECTION_ERROR when the database is gone', async () => {
    await postgres.cut();
    const { body } = await system.graphql(`query ($id: ID!) { user(id: $id) { email } }`, {
      id: '00000000-0000-4000-8000-000000000000',
    });
    // user is nullable, so GraphQL keeps data and nulls the field.
    expectContractShape(body, 'DATABASE_CONNECTION_ERROR', 'Failed to connect to database', { user: null });
  });

  it('/readyz answers 503 while a dependency is down, /healthz still 200', async () => {
    expect((await fetch(`${system.origin}/healthz`)).status).toBe(200);
    const ready = await fetch(`${system.origin}/readyz`);
    expect(ready.status).toBe(503);
    expectNoInternals(await ready.json());
  });

  it('SERVICE_UNAVAILABLE when a subgraph is down', async () => {
    await system.stopSubgraph('auth');
    const { body } = await system.graphql(`{ me { id } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.errors?.[0]?.message).toBe('Service unavailable');
    expectNoInternals(body);
  });
});
