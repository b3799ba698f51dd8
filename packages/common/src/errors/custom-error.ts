/** One entry of `extensions.fields`: which argument broke which rule. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The root of every error a client may see. Each subclass is one code of the contract
 * (../shared/contract/README.md, "Errors"); anything that is not a CustomError reaches the
 * client as INTERNAL_SERVER_ERROR.
 */
export abstract class CustomError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }

  extensions(): Record<string, unknown> {
    return { code: this.code };
  }
}

export class BadUserInputError extends CustomError {
  readonly code = 'BAD_USER_INPUT';

  constructor(readonly fields: FieldError[]) {
    super('Invalid input');
  }

  override extensions(): Record<string, unknown> {
    return { code: this.code, fields: this.fields };
  }
}

export class UnauthenticatedError extends CustomError {
  readonly code = 'UNAUTHENTICATED';

  constructor(message = 'Not authorized') {
    super(message);
  }
}

export class InvalidCredentialsError extends UnauthenticatedError {
  constructor() {
    super('Invalid credentials');
  }
}

export class ForbiddenError extends CustomError {
  readonly code = 'FORBIDDEN';

  constructor() {
    super('Forbidden');
  }
}

export class NotFoundError extends CustomError {
  readonly code = 'NOT_FOUND';

  constructor(thing: string) {
    super(`${thing} not found`);
  }
}

export const STUFF_RESERVED_MESSAGE = 'The stuff is being checked out by someone else, please come back later';

export class StuffReservedError extends CustomError {
  readonly code = 'STUFF_RESERVED';

  constructor() {
    super(STUFF_RESERVED_MESSAGE);
  }
}

export class StuffSoldError extends CustomError {
  readonly code = 'STUFF_SOLD';

  constructor() {
    super('The stuff has been sold');
  }
}

export class OrderNotPayableError extends CustomError {
  readonly code = 'ORDER_NOT_PAYABLE';

  constructor(status: string) {
    super(`The order is ${status}; only an order AWAITING_PAYMENT can be paid or cancelled`);
  }
}

export class PaymentFailedError extends CustomError {
  readonly code = 'PAYMENT_FAILED';

  constructor(reason: string) {
    super(reason);
  }
}

export class CouponInvalidError extends CustomError {
  readonly code = 'COUPON_INVALID';

  constructor(reason: string) {
    super(reason);
  }
}

export class RateLimitedError extends CustomError {
  readonly code = 'RATE_LIMITED';

  constructor() {
    super('Too many attempts, try again later');
  }
}

export const TOO_MANY_RESERVATIONS_MESSAGE = 'You are holding too many reservations: pay or cancel one first';

export class TooManyReservationsError extends CustomError {
  readonly code = 'TOO_MANY_RESERVATIONS';

  constructor() {
    super(TOO_MANY_RESERVATIONS_MESSAGE);
  }
}

export class DatabaseConnectionError extends CustomError {
  readonly code = 'DATABASE_CONNECTION_ERROR';

  constructor() {
    super('Failed to connect to database');
  }
}

export class ServiceUnavailableError extends CustomError {
  readonly code = 'SERVICE_UNAVAILABLE';

  constructor() {
    super('Service unavailable');
  }
}

export class InternalServerError extends CustomError {
  readonly code = 'INTERNAL_SERVER_ERROR';

  constructor() {
    super('Something went wrong');
  }
}
