import { BadUserInputError } from '@stuffmart/common';
import { INVALID_TOKEN } from './input-rules.js';

/** Unknown, used or expired all read the same: the answer tells nothing about which. */
export function invalidToken(): BadUserInputError {
  return new BadUserInputError([{ field: 'token', message: INVALID_TOKEN }]);
}
