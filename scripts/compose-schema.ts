import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { buildAuthSchema } from '@stuffmart/auth';
import { buildCatalogSchema } from '@stuffmart/catalog';
import { buildOrdersSchema } from '@stuffmart/orders';
import { buildPaymentsSchema } from '@stuffmart/payments';
import { printFederatedSchema } from '@stuffmart/common';
import type { GraphQLSchema } from 'graphql';
import { parse } from 'graphql';
import { parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Each subgraph's schema comes from its code; rover.yaml says where it runs and is printed. */
const BUILDERS: Record<string, () => Promise<GraphQLSchema>> = {
  auth: buildAuthSchema,
  catalog: buildCatalogSchema,
  orders: buildOrdersSchema,
  payments: buildPaymentsSchema,
};

interface RoverConfig {
  subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
}

export interface ComposedSchema {
  /** File path (relative to the repository root) → content. */
  files: Record<string, string>;
}

export async function composeSchema(): Promise<ComposedSchema> {
  const rover = parseYaml(await readFile(`${ROOT}/rover.yaml`, 'utf8')) as RoverConfig;
  const files: Record<string, string> = {};
  const services = [];
  for (const [name, subgraph] of Object.entries(rover.subgraphs)) {
    const build = BUILDERS[name];
    if (!build) throw new Error(`rover.yaml names subgraph "${name}" but no schema builder is registered`);
    const sdl = `${printFederatedSchema(await build())}\n`;
    files[subgraph.schema.file.replace(/^\.\//, '')] = sdl;
    services.push({ name, url: subgraph.routing_url, typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  }
  files['schema/supergraph.graphql'] = `${result.supergraphSdl}\n`;
  return { files };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files } = await composeSchema();
  for (const [path, content] of Object.entries(files)) {
    await writeFile(`${ROOT}/${path}`, content);
    process.stdout.write(`wrote ${path}\n`);
  }
}
