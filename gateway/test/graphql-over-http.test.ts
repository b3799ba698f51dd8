import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../../test/system/index.js';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.close());

/**
 * The audit's requests as a non-browser client sends them past Apollo's CSRF prevention: a GET
 * (a "simple" request a page elsewhere could make) must carry a header no form can set.
 */
const withPreflightHeader: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('apollo-require-preflight', 'true');
  return fetch(input, { ...init, headers });
};

describe('GraphQL over HTTP', () => {
  it('passes the graphql-http audit with no MUST or SHOULD broken', async () => {
    const results = await auditServer({ url: system.url, fetchFn: withPreflightHeader });
    const broken = await Promise.all(
      results
        .filter((result) => result.status !== 'ok')
        .map(async (result) => ({
          id: result.id,
          name: result.name,
          status: result.status,
          reason: 'reason' in result ? result.reason : undefined,
          body: 'response' in result ? await result.response.text() : undefined,
        })),
    );
    expect(broken).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
  });
});
