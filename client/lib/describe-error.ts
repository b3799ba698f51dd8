import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
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

export const STUFF_RESERVED_MESSAGE = 'The stuff is being checked out by someone else, please come back later';

/** Codes whose server message carries the detail the person needs ("says which", "the provider's reason"). */
function withDetail(lead: string, detail: string | undefined): string {
  const clean = detail?.trim().replace(/\.$/, '');
  return clean ? `${lead}: ${clean}.` : `${lead}.`;
}

function sentenceFor(code: string, serverMessage: string | undefined): string {
  switch (code) {
    case 'BAD_USER_INPUT':
      return 'Some of what you entered needs fixing.';
    case 'UNAUTHENTICATED':
      return serverMessage === 'Invalid credentials'
        ? 'That e-mail and password do not match an account.'
        : 'Please sign in to do that.';
    case 'FORBIDDEN':
      return 'Your account is not allowed to do that.';
    case 'NOT_FOUND':
      return 'We could not find that. It may have been removed.';
    case 'STUFF_RESERVED':
      return `${STUFF_RESERVED_MESSAGE}.`;
    case 'STUFF_SOLD':
      return 'The stuff has been sold.';
    case 'ORDER_NOT_PAYABLE':
      return withDetail('This order can no longer be paid or cancelled', serverMessage);
    case 'PAYMENT_FAILED':
      return withDetail('The payment did not go through', serverMessage);
    case 'COUPON_INVALID':
      return withDetail('That coupon cannot be used', serverMessage);
    case 'RATE_LIMITED':
      return 'Too many attempts. Please wait a few minutes and try again.';
    case 'TOO_MANY_RESERVATIONS':
      return 'You are holding too many reservations: pay or cancel one first.';
    case 'DATABASE_CONNECTION_ERROR':
      return 'Stuffmart cannot reach its database right now. Please try again in a minute.';
    case 'SERVICE_UNAVAILABLE':
      return 'Part of Stuffmart is down right now. Please try again in a minute.';
    case 'GRAPHQL_PARSE_FAILED':
    case 'GRAPHQL_VALIDATION_FAILED':
      // Seen when this page asks for something the running server does not offer (yet).
      return 'Stuffmart cannot answer this right now; the site may be updating. Please try again later.';
    case 'NETWORK':
      return 'We cannot reach Stuffmart. Check your connection and try again.';
    case 'INTERNAL_SERVER_ERROR':
    default:
      return 'Something went wrong on our side. Please try again.';
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
