import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, type GraphQLSchema } from 'graphql';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The contract as implemented so far: the repository's own copy, which tests read. */
export const IMPLEMENTED_CONTRACT_DIR = `${ROOT}/schema/contract`;

/** The public promise, kept beside the repository; not there in a clone elsewhere. */
export const PROMISED_CONTRACT_DIR = `${ROOT}/../shared/contract`;

export const CONTRACT_FILES = ['api.graphql', 'README.md'] as const;

export function promisedContractExists(): boolean {
  return existsSync(`${PROMISED_CONTRACT_DIR}/api.graphql`);
}

export async function readContractSchema(dir: string): Promise<GraphQLSchema> {
  return buildSchema(await readFile(`${dir}/api.graphql`, 'utf8'));
}

/** What clients really get: the API schema of the composed supergraph. */
export async function readComposedApiSchema(): Promise<GraphQLSchema> {
  const sdl = await readFile(`${ROOT}/schema/supergraph.graphql`, 'utf8');
  return Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
}
