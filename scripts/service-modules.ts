/**
 * A Node service's code, found from its manifest entry (services.ts) by the convention every
 * service package follows: `@stuffmart/auth` exports `authConfigSchema` (zod, its environment),
 * `startAuth(config, port)` and, for a subgraph, `buildAuthSchema()`. Imported on demand, so
 * reading the manifest never loads any service.
 */
import type { RunningServer } from '@stuffmart/common';
import type { GraphQLSchema } from 'graphql';
import type { ZodType } from 'zod';
import type { Service } from './services.js';

export interface ServiceModule {
  /** The zod schema it reads its environment with (loadConfig). */
  configSchema: ZodType;
  /** Starts it on `port` (0: any free port), with the config parsed by that schema. */
  start(config: unknown, port?: number): Promise<RunningServer>;
  /** Subgraphs only: the schema printed to schema/<name>.graphql and composed. */
  buildSchema?: () => Promise<GraphQLSchema>;
}

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export function exportNames(service: Service) {
  return {
    configSchema: `${service.name}ConfigSchema`,
    start: `start${capitalised(service.name)}`,
    buildSchema: `build${capitalised(service.name)}Schema`,
  };
}

export async function loadServiceModule(service: Service): Promise<ServiceModule> {
  if (service.kind === 'storefront') throw new Error(`${service.name} is not a Node service package`);
  const exported = (await import(service.package)) as Record<string, unknown>;
  const names = exportNames(service);
  const configSchema = exported[names.configSchema] as ZodType | undefined;
  const start = exported[names.start] as ServiceModule['start'] | undefined;
  const buildSchema = exported[names.buildSchema] as ServiceModule['buildSchema'];
  const missing = [
    typeof configSchema?.safeParse === 'function' ? undefined : names.configSchema,
    typeof start === 'function' ? undefined : names.start,
    service.kind !== 'subgraph' || typeof buildSchema === 'function' ? undefined : names.buildSchema,
  ].filter(Boolean);
  if (missing.length > 0) throw new Error(`${service.package} does not export ${missing.join(', ')}`);
  return { configSchema: configSchema!, start: start!, buildSchema };
}
