import { describe, expect, it } from 'vitest';
import { compareSchemas } from './compare-schemas.js';
import { readFile } from 'node:fs/promises';
import {
  CONTRACT_FILES,
  IMPLEMENTED_CONTRACT_DIR,
  PROMISED_CONTRACT_DIR,
  promisedContractExists,
  readComposedApiSchema,
  readContractSchema,
} from './contract-files.js';

describe('the composed API schema keeps the contract as implemented (schema/contract/)', () => {
  it('has every type, field, argument, default and enum value of schema/contract/api.graphql', async () => {
    const contract = await readContractSchema(IMPLEMENTED_CONTRACT_DIR);
    const api = await readComposedApiSchema();
    expect(compareSchemas(contract, api)).toEqual([]);
  });
});

describe('comparing schemas', () => {
  it('names what is missing, retyped, defaulted otherwise or newly required', async () => {
    const { buildSchema } = await import('graphql');
    const promised = buildSchema(`
      enum Role { USER ADMIN }
      input In { a: Int = 1 }
      type User { id: ID! email: String role: Role! }
      type Query { user(id: ID!): User list(first: Int = 20): [User!]! }
    `);
    const actual = buildSchema(`
      enum Role { USER }
      input In { a: Int = 2 b: String! }
      type User { id: ID! email: String! }
      type Query { user(id: ID!, extra: Int!): User }
    `);
    expect(compareSchemas(promised, actual)).toEqual([
      'missing enum value Role.ADMIN',
      'In.a has default 2, promised default 1',
      'In.b is a required input field not in the contract',
      'User.email is String!, promised String',
      'missing field User.role: Role!',
      'Query.user requires argument extra, not in the contract',
      'missing field Query.list: [User!]!',
    ]);
    expect(compareSchemas(promised, promised)).toEqual([]);
  });
});

describe('schema/contract/, now that all of the promise is built', () => {
  // A clone elsewhere has no ../shared/contract/: there the repository's copy is the contract.
  it.each(CONTRACT_FILES)('keeps %s identical to ../shared/contract/ wherever that is present', async (file) => {
    const ours = await readFile(`${IMPLEMENTED_CONTRACT_DIR}/${file}`, 'utf8');
    expect(ours.length).toBeGreaterThan(0);
    if (promisedContractExists()) expect(ours).toBe(await readFile(`${PROMISED_CONTRACT_DIR}/${file}`, 'utf8'));
  });
});
