// The error codes of the contract (../shared/contract/README.md, "Errors"), declared once and
// shared by the server's CustomError classes and formatter and by the storefront. This file
// imports nothing, so a browser bundle can take it as it is.

/**
 * Every `extensions.code` a client may see from our own errors, with the message the contract
 * fixes for it, or null where the message carries a detail (which status, the provider's reason).
 */
export const CONTRACT_ERRORS = {
  BAD_USER_INPUT: 'Invalid input',
  UNAUTHENTICATED: 'Not authorized',
  FORBIDDEN: 'Forbidden',
  NOT_FOUND: null,
  STUFF_RESERVED: 'The stuff is being checked out by someone else, please come back later',
  STUFF_SOLD: 'The stuff has been sold',
  ORDER_NOT_PAYABLE: null,
  PAYMENT_FAILED: null,
  COUPON_INVALID: null,
  RATE_LIMITED: 'Too many attempts, try again later',
  TOO_MANY_RESERVATIONS: 'You are holding too many reservations: pay or cancel one first',
  DATABASE_CONNECTION_ERROR: 'Failed to connect to database',
  SERVICE_UNAVAILABLE: 'Service unavailable',
  INTERNAL_SERVER_ERROR: 'Something went wrong',
} as const satisfies Record<string, string | null>;

export type ContractErrorCode = keyof typeof CONTRACT_ERRORS;

export const CONTRACT_ERROR_CODES = Object.keys(CONTRACT_ERRORS) as ContractErrorCode[];

/** The second fixed message of UNAUTHENTICATED: a sign-in with a wrong e-mail or password. */
export const INVALID_CREDENTIALS_MESSAGE = 'Invalid credentials';

/** GraphQL's own request errors: their messages describe the query, never our internals. */
export const REQUEST_ERROR_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
] as const;

export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];

export function isContractErrorCode(code: unknown): code is ContractErrorCode {
  return typeof code === 'string' && Object.hasOwn(CONTRACT_ERRORS, code);
}

export function isRequestErrorCode(code: unknown): code is RequestErrorCode {
  return typeof code === 'string' && (REQUEST_ERROR_CODES as readonly string[]).includes(code);
}

export const STUFF_RESERVED_MESSAGE = CONTRACT_ERRORS.STUFF_RESERVED;
export const TOO_MANY_RESERVATIONS_MESSAGE = CONTRACT_ERRORS.TOO_MANY_RESERVATIONS;
