import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { launchEnvironment } from './launch.js';
import { loadServiceModule } from './service-modules.js';
import { BUNDLED, SERVICES, SUBGRAPHS } from './services.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** SUBGRAPH_URLS as the gateway reads it. */
function urlsOf(list = ''): Record<string, string> {
  return Object.fromEntries(list.split(',').map((entry) => entry.split(/=(.*)/s).slice(0, 2))) as Record<
    string,
    string
  >;
}

describe('the service manifest', () => {
  it('names each service, port, metrics port and database once', () => {
    for (const key of ['name', 'portVariable', 'port', 'metricsPort', 'database'] as const) {
      const values = SERVICES.map((service) => service[key]).filter((value) => value !== undefined);
      expect(new Set(values).size, key).toBe(values.length);
    }
  });

  it.each(BUNDLED)('agrees with the config of $name on the port it listens on', async (service) => {
    const { configSchema } = await loadServiceModule(service);
    const parsed = configSchema.safeParse({ JWT_KEY: 'k'.repeat(48), VOUCHER_KEY: 'v'.repeat(48) });
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect((parsed.data as Record<string, unknown>)[service.portVariable]).toBe(service.port);
  });
});

describe('npm start derives every address from the manifest and the ports it is given', () => {
  it('points the gateway at each subgraph on its default port, and the storefront at the gateway', () => {
    const env = launchEnvironment({});
    expect(urlsOf(env.SUBGRAPH_URLS)).toEqual(
      Object.fromEntries(SUBGRAPHS.map((subgraph) => [subgraph.name, `http://127.0.0.1:${subgraph.port}/graphql`])),
    );
    expect(env.GATEWAY_URL).toBe('http://127.0.0.1:4000/graphql');
    for (const service of SERVICES) expect(env[service.portVariable], service.name).toBe(String(service.port));
  });

  it('moves the gateway’s idea of where auth is with AUTH_PORT, and the storefront’s of the gateway with GATEWAY_PORT', () => {
    const env = launchEnvironment({ AUTH_PORT: '24001', GATEWAY_PORT: '24000', BIND_HOST: '0.0.0.0' });
    expect(urlsOf(env.SUBGRAPH_URLS).auth).toBe('http://127.0.0.1:24001/graphql');
    expect(urlsOf(env.SUBGRAPH_URLS).catalog).toBe('http://127.0.0.1:4002/graphql');
    expect(env.GATEWAY_URL).toBe('http://127.0.0.1:24000/graphql');
  });

  it('keeps addresses set by hand for a service run elsewhere, and drops the one METRICS_PORT six processes cannot share', () => {
    const env = launchEnvironment({
      SUBGRAPH_URLS: 'auth=http://auth.example:4001/graphql',
      GATEWAY_URL: 'http://gateway.example/graphql',
      METRICS_PORT: '9999',
    });
    expect(urlsOf(env.SUBGRAPH_URLS).auth).toBe('http://auth.example:4001/graphql');
    expect(urlsOf(env.SUBGRAPH_URLS).orders).toBe('http://127.0.0.1:4003/graphql');
    expect(env.GATEWAY_URL).toBe('http://gateway.example/graphql');
    expect(env).not.toHaveProperty('METRICS_PORT');
  });
});

describe('dependency direction', () => {
  /** Every TypeScript file under a directory, node_modules left out. */
  function sources(directory: string): string[] {
    return readdirSync(directory, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.parentPath.includes('node_modules'))
      .map((entry) => join(entry.parentPath, entry.name));
  }

  it('keeps packages/ leaf libraries: none imports a service, the gateway or the system test harness', () => {
    const services = SERVICES.map((service) => service.package);
    const upward = sources(join(ROOT, 'packages')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
        .map((match) => match[1] ?? '')
        .filter((specifier) => services.includes(specifier) || specifier.includes('test/system'))
        .map((specifier) => `${file.slice(ROOT.length)} imports ${specifier}`),
    );
    expect(upward).toEqual([]);
  });
});
