import {
  CONTRACT_ERRORS,
  INVALID_CREDENTIALS_MESSAGE,
  STUFF_RESERVED_MESSAGE,
  TOO_MANY_RESERVATIONS_MESSAGE,
  type ContractErrorCode,
} from '@stuffmart/contract/error-codes';

export { STUFF_RESERVED_MESSAGE, TOO_MANY_RESERVATIONS_MESSAGE };

/** One entry of `extensions.fields`: which argument broke which rule. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The root of every error a client may see. Each subclass is one code of the contract
 * (../shared/contract/README.md, "Errors"), declared with its message in @stuffmart/contract; anything that is not a CustomError reaches the
 * client as INTERNAL_SERVER_ERROR.
 */
export abstract class CustomError extends Error {
  abstract readonly code: ContractErrorCode;

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
    super(CONTRACT_ERRORS.BAD_USER_INPUT);
  }

  override extensions(): Record<string, unknown> {
    return { code: this.code, fields: this.fields };
  }
}

export class UnauthenticatedError extends CustomError {
  readonly code = 'UNAUTHENTICATED';

  constructor(message: string = CONTRACT_ERRORS.UNAUTHENTICATED) {
    super(message);
  }
}

export class InvalidCredentialsError extends UnauthenticatedError {
  constructor() {
    super(INVALID_CREDENTIALS_MESSAGE);
  }
}

export class ForbiddenError extends CustomError {
  readonly code = 'FORBIDDEN';

  constructor() {
    super(CONTRACT_ERRORS.FORBIDDEN);
  }
}

export class NotFoundError extends CustomError {
  readonly code = 'NOT_FOUND';

  constructor(thing: string) {
    super(`${thing} not found`);
  }
}

export class StuffReservedError extends CustomError {
  readonly code = 'STUFF_RESERVED';

  constructor() {
    super(CONTRACT_ERRORS.STUFF_RESERVED);
  }
}

export class StuffSoldError extends CustomError {
  readonly code = 'STUFF_SOLD';

  constructor() {
    super(CONTRACT_ERRORS.STUFF_SOLD);
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
    super(CONTRACT_ERRORS.RATE_LIMITED);
  }
}

export class TooManyReservationsError extends CustomError {
  readonly code = 'TOO_MANY_RESERVATIONS';

  constructor() {
    super(CONTRACT_ERRORS.TOO_MANY_RESERVATIONS);
  }
}

export class DatabaseConnectionError extends CustomError {
  readonly code = 'DATABASE_CONNECTION_ERROR';

  constructor() {
    super(CONTRACT_ERRORS.DATABASE_CONNECTION_ERROR);
  }
}

export class ServiceUnavailableError extends CustomError {
  readonly code = 'SERVICE_UNAVAILABLE';

  constructor() {
    super(CONTRACT_ERRORS.SERVICE_UNAVAILABLE);
  }
}

export class InternalServerError extends CustomError {
  readonly code = 'INTERNAL_SERVER_ERROR';

  constructor() {
    super(CONTRACT_ERRORS.INTERNAL_SERVER_ERROR);
  }
}
