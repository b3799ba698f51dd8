import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  BadUserInputError,
  CustomError,
  DatabaseConnectionError,
  InternalServerError,
  type FieldError,
} from './custom-error.js';
import { isDatabaseConnectionError } from './is-database-connection-error.js';
import { isContractErrorCode, isRequestErrorCode } from '@stuffmart/contract/error-codes';

export interface ClassifiedError {
  formatted: GraphQLFormattedError;
  /** True when the client gets a generic message and the original must be logged. */
  hidden: boolean;
}

function shape(
  formatted: GraphQLFormattedError,
  message: string,
  extensions: Record<string, unknown>,
): GraphQLFormattedError {
  return {
    message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions,
  };
}

function sanitizeFields(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const { field, message } = (entry ?? {}) as Record<string, unknown>;
    return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
  });
}

/**
 * graphql-js reports a bad variable as `Variable "$input" got invalid value … at "input.email"; …`.
 * We keep its explanation but give it the contract's shape, naming the argument path.
 */
function variableCoercionFields(message: string): FieldError[] {
  const variable = /Variable "\$([^"]+)"/.exec(message)?.[1] ?? 'input';
  const at = /at "([^"]+)"/.exec(message)?.[1];
  return [{ field: at ?? variable, message }];
}

/**
 * The one place that decides what a client sees of an error, for every subgraph and the
 * gateway: ours keep their code and message, GraphQL's request errors keep theirs, a lost
 * database becomes DATABASE_CONNECTION_ERROR and anything else INTERNAL_SERVER_ERROR.
 */
export function classifyError(formatted: GraphQLFormattedError, error: unknown): ClassifiedError {
  const original = unwrapResolverError(error);
  if (original instanceof CustomError) {
    return { formatted: shape(formatted, original.message, original.extensions()), hidden: false };
  }
  if (isDatabaseConnectionError(original)) {
    const dbError = new DatabaseConnectionError();
    return { formatted: shape(formatted, dbError.message, dbError.extensions()), hidden: true };
  }
  const code = formatted.extensions?.code;
  if (isRequestErrorCode(code)) {
    return { formatted: shape(formatted, formatted.message, { code }), hidden: false };
  }
  if (code === 'BAD_USER_INPUT') {
    const fields = sanitizeFields(formatted.extensions?.fields);
    const input = new BadUserInputError(fields.length > 0 ? fields : variableCoercionFields(formatted.message));
    return { formatted: shape(formatted, input.message, input.extensions()), hidden: false };
  }
  if (isContractErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
    // Relayed from a subgraph whose own formatter produced it.
    return { formatted: shape(formatted, formatted.message, { code }), hidden: false };
  }
  const internal = new InternalServerError();
  return {
    formatted: shape(formatted, internal.message, internal.extensions()),
    hidden: code !== 'INTERNAL_SERVER_ERROR' || formatted.message !== internal.message,
  };
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return classifyError(formatted, error).formatted;
}
