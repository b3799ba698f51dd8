import { readFileSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema, Supergraph } from '@apollo/federation-internals';

/**
 * The storefront's operation types, generated from its documents (`graphql()` in lib, app and
 * components) against the API schema of the composed supergraph: what the gateway really
 * serves, so a subgraph change that breaks a document fails here, before it ships.
 * `npm run codegen` at the root regenerates `lib/graphql/generated/`; a test fails when it is stale.
 */
const supergraph = readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8');

/** The schema clients see: the supergraph without its join/link machinery and inaccessible parts. */
const apiSchemaSdl = printSchema(Supergraph.build(supergraph).apiSchema());

const config: CodegenConfig = {
  schema: apiSchemaSdl,
  documents: ['lib/**/*.ts', 'app/**/*.tsx', 'components/**/*.tsx', '!lib/graphql/generated/**'],
  // A document that does not validate against the schema stops generation with its error.
  ignoreNoDocuments: false,
  generates: {
    'lib/graphql/generated/': {
      preset: 'client',
      presetConfig: {
        // Apollo Client returns whole objects; masked fragment types would make every component
        // unwrap its props with getFragmentData for no runtime gain.
        fragmentMasking: false,
      },
      config: {
        scalars: { DateTime: 'string' },
        strictScalars: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
