import {
  astFromValue,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
  valueFromASTUntyped,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

function defaultOf(input: GraphQLArgument | GraphQLInputField): unknown {
  if (input.defaultValue === undefined) return undefined;
  const ast = astFromValue(input.defaultValue, input.type);
  return ast ? valueFromASTUntyped(ast) : undefined;
}

const show = (value: unknown) => (value === undefined ? 'no default' : `default ${JSON.stringify(value)}`);

function namedTypes(schema: GraphQLSchema): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__') && !BUILT_IN.has(type.name));
}

/**
 * What `promised` holds that `actual` lacks or has otherwise: every type of the same kind, every
 * field and argument with the same type, nullability and default, every enum value, and no new
 * required argument or input field. `actual` may add fields (the contract is "at least this").
 * One line a difference, empty when `actual` keeps the promise.
 */
export function compareSchemas(promised: GraphQLSchema, actual: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const type of namedTypes(promised)) {
    const ours = actual.getType(type.name);
    if (!ours) {
      problems.push(`missing type ${type.name}`);
      continue;
    }
    if (ours.constructor.name !== type.constructor.name || isScalarType(type) !== isScalarType(ours)) {
      problems.push(`${type.name} is a ${ours.constructor.name}, promised ${type.constructor.name}`);
      continue;
    }
    if (isObjectType(type) && isObjectType(ours)) {
      const mine = ours.getFields();
      for (const field of Object.values(type.getFields())) {
        const where = `${type.name}.${field.name}`;
        const myField = mine[field.name];
        if (!myField) {
          problems.push(`missing field ${where}: ${String(field.type)}`);
          continue;
        }
        if (String(myField.type) !== String(field.type))
          problems.push(`${where} is ${String(myField.type)}, promised ${String(field.type)}`);
        for (const arg of field.args) {
          const myArg = myField.args.find((candidate) => candidate.name === arg.name);
          if (!myArg) {
            problems.push(`missing argument ${where}(${arg.name}: ${String(arg.type)})`);
            continue;
          }
          if (String(myArg.type) !== String(arg.type))
            problems.push(`${where}(${arg.name}) is ${String(myArg.type)}, promised ${String(arg.type)}`);
          const [mineDefault, promisedDefault] = [defaultOf(myArg), defaultOf(arg)];
          if (JSON.stringify(mineDefault) !== JSON.stringify(promisedDefault))
            problems.push(`${where}(${arg.name}) has ${show(mineDefault)}, promised ${show(promisedDefault)}`);
        }
        for (const arg of myField.args) {
          const required = String(arg.type).endsWith('!') && arg.defaultValue === undefined;
          if (required && !field.args.some((promisedArg) => promisedArg.name === arg.name))
            problems.push(`${where} requires argument ${arg.name}, not in the contract`);
        }
      }
    }
    if (isInputObjectType(type) && isInputObjectType(ours)) {
      const mine = ours.getFields();
      const promisedFields = type.getFields();
      for (const field of Object.values(promisedFields)) {
        const where = `${type.name}.${field.name}`;
        const myField = mine[field.name];
        if (!myField) {
          problems.push(`missing input field ${where}: ${String(field.type)}`);
          continue;
        }
        if (String(myField.type) !== String(field.type))
          problems.push(`${where} is ${String(myField.type)}, promised ${String(field.type)}`);
        const [mineDefault, promisedDefault] = [defaultOf(myField), defaultOf(field)];
        if (JSON.stringify(mineDefault) !== JSON.stringify(promisedDefault))
          problems.push(`${where} has ${show(mineDefault)}, promised ${show(promisedDefault)}`);
      }
      for (const field of Object.values(mine)) {
        const required = String(field.type).endsWith('!') && field.defaultValue === undefined;
        if (required && !promisedFields[field.name])
          problems.push(`${type.name}.${field.name} is a required input field not in the contract`);
      }
    }
    if (isEnumType(type) && isEnumType(ours)) {
      const mine = new Set(ours.getValues().map((value) => value.name));
      const promisedValues = new Set(type.getValues().map((value) => value.name));
      for (const value of promisedValues)
        if (!mine.has(value)) problems.push(`missing enum value ${type.name}.${value}`);
      for (const value of mine)
        if (!promisedValues.has(value)) problems.push(`enum value ${type.name}.${value} is not in the contract`);
    }
  }
  return problems;
}
