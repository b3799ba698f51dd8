import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLNamedType,
  valueFromASTUntyped,
  astFromValue,
} from 'graphql';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The public promise (../shared/contract/api.graphql) against what clients really get. */
async function schemas() {
  const contract = buildSchema(await readFile(`${ROOT}/../shared/contract/api.graphql`, 'utf8'));
  const sdl = await readFile(`${ROOT}/schema/supergraph.graphql`, 'utf8');
  const api = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
  return { contract, api };
}

function defaultOf(input: GraphQLArgument | GraphQLInputField): unknown {
  if (input.defaultValue === undefined) return undefined;
  const ast = astFromValue(input.defaultValue, input.type);
  return ast ? valueFromASTUntyped(ast) : undefined;
}

const contractTypes = (all: Record<string, GraphQLNamedType>) =>
  Object.values(all).filter(
    (type) => !type.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name),
  );

describe('the composed API schema keeps the contract', () => {
  it('has every type of api.graphql, of the same kind', async () => {
    const { contract, api } = await schemas();
    for (const type of contractTypes(contract.getTypeMap())) {
      const ours = api.getType(type.name);
      expect(ours, type.name).toBeDefined();
      expect(ours!.constructor.name, type.name).toBe(type.constructor.name);
      if (isScalarType(type)) expect(isScalarType(ours)).toBe(true);
    }
  });

  it('has every field and argument with the same type, nullability and default', async () => {
    const { contract, api } = await schemas();
    for (const type of contractTypes(contract.getTypeMap())) {
      const ours = api.getType(type.name);
      if (isObjectType(type) && isObjectType(ours)) {
        for (const field of Object.values(type.getFields())) {
          const mine = ours.getFields()[field.name];
          expect(mine, `${type.name}.${field.name}`).toBeDefined();
          expect(String(mine!.type), `${type.name}.${field.name}`).toBe(String(field.type));
          for (const arg of field.args) {
            const myArg = mine!.args.find((candidate) => candidate.name === arg.name);
            expect(myArg, `${type.name}.${field.name}(${arg.name})`).toBeDefined();
            expect(String(myArg!.type), `${type.name}.${field.name}(${arg.name})`).toBe(String(arg.type));
            expect(defaultOf(myArg!), `${type.name}.${field.name}(${arg.name}) default`).toEqual(defaultOf(arg));
          }
          const required = mine!.args.filter((arg) => String(arg.type).endsWith('!') && arg.defaultValue === undefined);
          for (const arg of required)
            expect(
              field.args.map((a) => a.name),
              `new required argument ${arg.name}`,
            ).toContain(arg.name);
        }
      }
      if (isInputObjectType(type) && isInputObjectType(ours)) {
        const mine = ours.getFields();
        for (const field of Object.values(type.getFields())) {
          expect(mine[field.name], `${type.name}.${field.name}`).toBeDefined();
          expect(String(mine[field.name]!.type), `${type.name}.${field.name}`).toBe(String(field.type));
          expect(defaultOf(mine[field.name]!), `${type.name}.${field.name} default`).toEqual(defaultOf(field));
        }
        for (const field of Object.values(mine)) {
          if (String(field.type).endsWith('!') && field.defaultValue === undefined) {
            expect(type.getFields()[field.name], `new required input field ${type.name}.${field.name}`).toBeDefined();
          }
        }
      }
      if (isEnumType(type) && isEnumType(ours)) {
        expect(
          ours
            .getValues()
            .map((value) => value.name)
            .sort(),
          type.name,
        ).toEqual(
          type
            .getValues()
            .map((value) => value.name)
            .sort(),
        );
      }
    }
  });
});
