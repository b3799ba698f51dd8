import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import {
  CONTRACT_ERRORS,
  isContractErrorCode,
  STUFF_RESERVED_MESSAGE,
  type ContractErrorCode,
} from '@stuffmart/contract/error-codes';
import type { GraphQLFormattedError } from 'graphql';

/** A failure as the person in front of the screen should read it. */
export interface ErrorDescription {
  /** The contract's `extensions.code`, or NETWORK / UNKNOWN when no GraphQL answer came. */
  code: string;
  /** One plain sentence. */
  message: string;
  /** Messages by the argument they belong to (`input.email` is filed under `email`). */
  fields: Record<string, string>;
}

/** Sentences a page may use instead of the general ones, when it knows what was being tried. */
export type ErrorSentences = Partial<Record<string, string>>;

export { STUFF_RESERVED_MESSAGE };

/** What the sign-in form means by UNAUTHENTICATED: there it can only be a wrong e-mail or password. */
export const SIGN_IN_SENTENCES: ErrorSentences = {
  UNAUTHENTICATED: 'That e-mail and password do not match an account.',
};

/** Codes whose server message carries the detail the person needs ("says which", "the provider's reason"). */
function withDetail(lead: string, detail: string | undefined): string {
  const clean = detail?.trim().replace(/\.$/, '');
  return clean ? `${lead}: ${clean}.` : `${lead}.`;
}

type Sentence = string | ((serverMessage: string | undefined) => string);

/**
 * One sentence per code of the contract (typed by @stuffmart/contract, so a new code does not
 * compile until it has one). Only codes are mapped; a server message is shown, never read,
 * and only where the contract says it carries the detail.
 */
const CONTRACT_SENTENCES: Record<ContractErrorCode, Sentence> = {
  BAD_USER_INPUT: 'Some of what you entered needs fixing.',
  UNAUTHENTICATED: 'Please sign in to do that.',
  FORBIDDEN: 'Your account is not allowed to do that.',
  NOT_FOUND: 'We could not find that. It may have been removed.',
  STUFF_RESERVED: `${CONTRACT_ERRORS.STUFF_RESERVED}.`,
  STUFF_SOLD: `${CONTRACT_ERRORS.STUFF_SOLD}.`,
  ORDER_NOT_PAYABLE: (detail) => withDetail('This order can no longer be paid or cancelled', detail),
  PAYMENT_FAILED: (detail) => withDetail('The payment did not go through', detail),
  COUPON_INVALID: (detail) => withDetail('That coupon cannot be used', detail),
  RATE_LIMITED: 'Too many attempts. Please wait a few minutes and try again.',
  TOO_MANY_RESERVATIONS: `${CONTRACT_ERRORS.TOO_MANY_RESERVATIONS}.`,
  DATABASE_CONNECTION_ERROR: 'Stuffmart cannot reach its database right now. Please try again in a minute.',
  SERVICE_UNAVAILABLE: 'Part of Stuffmart is down right now. Please try again in a minute.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again.',
};

function sentenceFor(code: string, serverMessage: string | undefined): string {
  if (isContractErrorCode(code)) {
    const sentence = CONTRACT_SENTENCES[code];
    return typeof sentence === 'function' ? sentence(serverMessage) : sentence;
  }
  switch (code) {
    case 'GRAPHQL_PARSE_FAILED':
    case 'GRAPHQL_VALIDATION_FAILED':
      // Seen when this page asks for something the running server does not offer (yet).
      return 'Stuffmart cannot answer this right now; the site may be updating. Please try again later.';
    case 'NETWORK':
      return 'We cannot reach Stuffmart. Check your connection and try again.';
    default:
      return CONTRACT_SENTENCES.INTERNAL_SERVER_ERROR as string;
  }
}

function isFormattedError(value: unknown): value is GraphQLFormattedError {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/** A non-200 answer may still be the contract's JSON (the gateway refuses bad requests that way). */
function errorsInBody(bodyText: string): GraphQLFormattedError[] {
  try {
    const body: unknown = JSON.parse(bodyText);
    const errors = (body as { errors?: unknown }).errors;
    return Array.isArray(errors) ? errors.filter(isFormattedError) : [];
  } catch {
    return [];
  }
}

function graphQLErrorsOf(error: unknown): GraphQLFormattedError[] | null {
  if (CombinedGraphQLErrors.is(error)) return [...error.errors];
  if (ServerError.is(error)) {
    const errors = errorsInBody(error.bodyText);
    return errors.length > 0 ? errors : null;
  }
  return null;
}

function fieldsOf(errors: GraphQLFormattedError[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const list = error.extensions?.fields;
    if (!Array.isArray(list)) continue;
    for (const entry of list as unknown[]) {
      const { field, message } = (entry ?? {}) as { field?: unknown; message?: unknown };
      if (typeof field !== 'string' || typeof message !== 'string') continue;
      const name = field.split('.').pop() || field;
      fields[name] ??= message;
    }
  }
  return fields;
}

/** Any error an Apollo call can throw (or a subscription can report), in the contract's terms. */
export function describeError(error: unknown, sentences: ErrorSentences = {}): ErrorDescription {
  const errors = graphQLErrorsOf(error);
  if (errors && errors.length > 0) {
    const first = errors[0]!;
    const rawCode = first.extensions?.code;
    const code = typeof rawCode === 'string' ? rawCode : 'UNKNOWN';
    const fields = code === 'BAD_USER_INPUT' ? fieldsOf(errors) : {};
    const message = sentences[code] ?? sentenceFor(code, first.message);
    // The coupon is the one input a non-BAD_USER_INPUT code is about; show it there.
    if (code === 'COUPON_INVALID') fields.couponCode = message;
    return { code, message, fields };
  }
  const offline =
    ServerError.is(error) ||
    ServerParseError.is(error) ||
    error instanceof TypeError ||
    (typeof CloseEvent !== 'undefined' && error instanceof CloseEvent);
  const code = offline ? 'NETWORK' : 'UNKNOWN';
  return { code, message: sentences[code] ?? sentenceFor(code, undefined), fields: {} };
}
