import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { printFederatedSchema } from '@stuffmart/common';
import { parse } from 'graphql';
import { loadServiceModule } from './service-modules.js';
import { graphqlUrl, SUBGRAPHS } from './services.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where a subgraph's printed schema goes; rover.yaml names the same files. */
export const schemaFileOf = (name: string) => `schema/${name}.graphql`;

/** The routing URL the supergraph names: where `npm start` runs the subgraph by default. */
export const routingUrlOf = (subgraph: (typeof SUBGRAPHS)[number]) => graphqlUrl('127.0.0.1', subgraph.port);

export interface ComposedSchema {
  /** File path (relative to the repository root) → content. */
  files: Record<string, string>;
}

/** Rover's config for the same composition, written by `npm run schema` beside the schema files. */
export function renderRoverConfig(): string {
  const subgraphs = SUBGRAPHS.map(
    (subgraph) =>
      `  ${subgraph.name}:\n    routing_url: ${routingUrlOf(subgraph)}\n    schema:\n      file: ./${schemaFileOf(subgraph.name)}\n`,
  );
  return `# Rover's supergraph config: \`rover supergraph compose --config rover.yaml\` composes the same
# supergraph as \`npm run schema\` (which uses @apollo/composition and needs no download), and is
# written by it from scripts/services.ts: the routing URLs are the subgraphs' default ports. The
# gateway is told where they run by SUBGRAPH_URLS, which the launcher derives from the ports and
# compose and Kubernetes set.
federation_version: =2.14.4
subgraphs:
${subgraphs.join('')}`;
}

/** Each subgraph of the manifest (services.ts), its schema printed from its code, then composed. */
export async function composeSchema(): Promise<ComposedSchema> {
  const files: Record<string, string> = {};
  const services = [];
  for (const subgraph of SUBGRAPHS) {
    const { buildSchema } = await loadServiceModule(subgraph);
    const sdl = `${printFederatedSchema(await buildSchema!())}\n`;
    files[schemaFileOf(subgraph.name)] = sdl;
    services.push({ name: subgraph.name, url: routingUrlOf(subgraph), typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  }
  files['schema/supergraph.graphql'] = `${result.supergraphSdl}\n`;
  files['rover.yaml'] = renderRoverConfig();
  return { files };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files } = await composeSchema();
  for (const [path, content] of Object.entries(files)) {
    await writeFile(`${ROOT}/${path}`, content);
    process.stdout.write(`wrote ${path}\n`);
  }
}
