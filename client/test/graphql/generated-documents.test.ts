import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, NoUnusedFragmentsRule, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readComposedApiSchema } from '../../../scripts/contract/contract-files';
import * as fragments from '../../lib/graphql/fragments';
import * as mutations from '../../lib/graphql/mutations';
import * as queries from '../../lib/graphql/queries';
import * as subscriptions from '../../lib/graphql/subscriptions';

const CLIENT = fileURLToPath(new URL('../..', import.meta.url));

/** Every document the storefront sends, as Apollo Client gets it from the generated `graphql()`. */
const documents = Object.entries({ ...fragments, ...queries, ...mutations, ...subscriptions }).filter(
  ([, value]) => typeof value !== 'number', // the page sizes beside them
) as Array<[string, DocumentNode]>;

/** What clients really get from the gateway, read once for all documents. */
let composed: Promise<GraphQLSchema> | undefined;
const apiSchema = () => (composed ??= readComposedApiSchema());

const isOperation = (document: DocumentNode) =>
  document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION);

describe("the storefront's GraphQL documents", () => {
  it.each(documents)(
    '%s is one that codegen knows and validates against the API schema of schema/supergraph.graphql',
    async (_name, document) => {
      // graphql() answers an empty object for a source it was not generated from (codegen not run).
      expect(document.kind, 'not in lib/graphql/generated: run `npm run codegen`').toBe(Kind.DOCUMENT);
      // A fragment on its own is unused by definition; everything else is what the gateway checks.
      const rules = isOperation(document)
        ? specifiedRules
        : specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);
      const errors = validate(await apiSchema(), document, rules);
      expect(errors.map((error) => error.message)).toEqual([]);
    },
  );

  it('has its generated types up to date with the documents and the supergraph (`npm run codegen`)', async () => {
    const bin = join(
      dirname(createRequire(import.meta.url).resolve('@graphql-codegen/cli/package.json')),
      'esm/bin.js',
    );
    // --check generates in memory and compares with the committed files, writing nothing; it
    // also fails on a document that does not validate.
    const outcome = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(process.execPath, [bin, '--config', 'codegen.ts', '--check'], { cwd: CLIENT }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` }),
      );
    });
    expect(outcome.code, `${outcome.output}\nRun \`npm run codegen\` and commit client/lib/graphql/generated/.`).toBe(
      0,
    );
  }, 120_000);
});
