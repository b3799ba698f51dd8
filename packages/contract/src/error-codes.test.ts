import { describe, expect, it } from 'vitest';
import { CONTRACT_ERRORS, isContractErrorCode, isRequestErrorCode } from './error-codes.js';

describe('the contract error codes', () => {
  it('fixes the message of STUFF_RESERVED word for word', () => {
    expect(CONTRACT_ERRORS.STUFF_RESERVED).toBe(
      'The stuff is being checked out by someone else, please come back later',
    );
  });

  it('tells our codes and GraphQL request codes from anything else', () => {
    expect(isContractErrorCode('STUFF_SOLD')).toBe(true);
    expect(isContractErrorCode('toString')).toBe(false);
    expect(isRequestErrorCode('GRAPHQL_PARSE_FAILED')).toBe(true);
    expect(isRequestErrorCode('STUFF_SOLD')).toBe(false);
  });
});
