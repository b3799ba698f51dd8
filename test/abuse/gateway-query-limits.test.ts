import { randomUUID } from 'node:crypto';
import { loadConfig, signAccessToken, type RunningServer } from '@stuffmart/common';
import { gatewayConfigSchema, startGateway } from '@stuffmart/gateway';
import { postGraphQL } from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../system/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Nine pages of 100 stuffs, each with five fields: 9 × (1 + 100 × 6) = 5409, over 5000. */
const NINE_PAGES = `query ($n: Int) { ${Array.from(
  { length: 9 },
  (_, i) => `p${i}: stuffs(first: $n) { nodes { id title description priceCents currency } }`,
).join(' ')} }`;

// GraphQL over HTTP: a refused operation is still a well-formed request, so 200 under JSON.
const refusal = (message: string) => ({
  status: 200,
  body: { errors: [{ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
});

const answer = async (response: Promise<{ status: number; body: { data?: unknown; errors?: any[] } }>) => {
  const { status, body } = await response;
  return {
    status,
    body: {
      ...(body.data ? { data: body.data } : {}),
      ...(body.errors ? { errors: body.errors.map(({ locations: _, ...error }) => error) } : {}),
    },
  };
};

describe('query limits at the gateway', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  it('counts first from variables: a query too costly only through $n is refused, naming the limit', async () => {
    expect(await answer(system.graphql(NINE_PAGES, { n: 100 }))).toEqual(
      refusal('Query is too costly: 5409, limit 5000'),
    );
    // The same query with small pages is within the limit and runs.
    const small = await system.graphql(NINE_PAGES, { n: 5 });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data).toHaveProperty('p8.nodes');
  });

  it('refuses too deep, too many aliases and too many tokens with the limit in the message', async () => {
    const deep = `{ __type(name: "User") { fields { type { ${'ofType { '.repeat(8)}name${' }'.repeat(8)} } } } }`;
    expect(await answer(system.graphql(deep))).toEqual(refusal('Query is too deep: 11, limit 10'));
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(await answer(system.graphql(aliases))).toEqual(refusal('Query has too many aliases: 16, limit 15'));
    expect(await answer(system.graphql(`{ ${'__typename '.repeat(3001)}}`))).toEqual(
      refusal('Query has too many tokens: more than 3000, limit 3000'),
    );
  });
});

describe('introspection and Sandbox in production', () => {
  let system: TestSystem;
  let gateway: RunningServer;
  beforeAll(async () => {
    system = await startTestSystem();
    const subgraphUrls = Object.entries(system.subgraphs)
      .map(([name, server]) => `${name}=${server.url}`)
      .join(',');
    gateway = await startGateway(
      loadConfig(gatewayConfigSchema, { ...system.env, NODE_ENV: 'production', SUBGRAPH_URLS: subgraphUrls }),
      0,
    );
  });
  afterAll(async () => {
    await gateway?.close();
    await system?.close();
  });

  const tokenFor = (role: 'USER' | 'ADMIN') =>
    signAccessToken(system.env.JWT_KEY!, {
      userId: randomUUID(),
      email: `${role.toLowerCase()}@example.com`,
      role,
      sessionId: randomUUID(),
    }).token;

  it('serves Sandbox to a browser', async () => {
    const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/sandbox/i);
  });

  it('lets only an ADMIN introspect, by Bearer or session cookie', async () => {
    const query = '{ __schema { queryType { name } } }';
    const refused = refusal(
      'GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
    );
    expect(await answer(postGraphQL(gateway.url, query))).toEqual(refused);
    expect(await answer(postGraphQL(gateway.url, query, {}, { token: tokenFor('USER') }))).toEqual(refused);
    expect(await answer(postGraphQL(gateway.url, '{ __type(name: "Query") { name } }'))).toMatchObject({
      status: 200,
      body: { errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
    });
    const admin = { status: 200, body: { data: { __schema: { queryType: { name: 'Query' } } } } };
    expect(await answer(postGraphQL(gateway.url, query, {}, { token: tokenFor('ADMIN') }))).toEqual(admin);
    expect(await answer(postGraphQL(gateway.url, query, {}, { cookie: `session=${tokenFor('ADMIN')}` }))).toEqual(
      admin,
    );
    // __typename is no introspection: anyone may ask it.
    expect(await answer(postGraphQL(gateway.url, '{ __typename }'))).toEqual({
      status: 200,
      body: { data: { __typename: 'Query' } },
    });
  });
});

describe('CORS on /graphql', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ ALLOWED_ORIGINS: 'https://shop.example, https://admin.example' });
  });
  afterAll(() => system?.close());

  const preflight = (origin: string) =>
    fetch(system.url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });

  it('answers a preflight from an allowed origin, with credentials', async () => {
    const response = await preflight('https://admin.example');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://admin.example');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    // A traced web app's trace context (README.md, "Traces").
    expect(response.headers.get('access-control-allow-headers')).toContain('traceparent');
    const { headers } = await system.graphql('{ __typename }', {}, { headers: { origin: 'https://shop.example' } });
    expect(headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('gives any other origin no Access-Control-Allow-Origin', async () => {
    const response = await preflight('https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const { headers } = await system.graphql('{ __typename }', {}, { headers: { origin: 'https://evil.example' } });
    expect(headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps CSRF prevention: a simple cross-site POST does not run', async () => {
    const response = await fetch(system.url, {
      method: 'POST',
      headers: { origin: 'https://shop.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(400);
  });
});
