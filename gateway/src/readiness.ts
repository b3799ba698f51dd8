import type { ReadinessCheck } from '@stuffmart/common/runtime';

/** A subgraph is ready when its own /readyz says so, which covers its database and Redis. */
export function subgraphReadiness(urls: Record<string, string>): Record<string, ReadinessCheck> {
  return Object.fromEntries(
    Object.entries(urls).map(([name, url]) => [
      name,
      async () => {
        const response = await fetch(new URL('/readyz', url));
        if (!response.ok) throw new Error(`${name} answered ${response.status}`);
      },
    ]),
  );
}
