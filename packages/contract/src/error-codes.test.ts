import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONTRACT_ERRORS,
  CONTRACT_ERROR_CODES,
  INVALID_CREDENTIALS_MESSAGE,
  isContractErrorCode,
  isRequestErrorCode,
} from './error-codes.js';

/** The "Errors" table of the repository's copy of the contract: code → its message column. */
function contractTable(): Map<string, string> {
  const readme = readFileSync(new URL('../../../schema/contract/README.md', import.meta.url), 'utf8');
  const errors = readme.slice(readme.indexOf('\n## Errors'));
  const section = errors.slice(0, errors.indexOf('\n## ', 1));
  const rows = [...section.matchAll(/^\| `([A-Z_]+)` \|[^|]*\| (.*) \|$/gm)];
  return new Map(rows.map((row) => [row[1]!, row[2]!]));
}

describe('the contract error codes', () => {
  it('fixes the message of STUFF_RESERVED word for word', () => {
    expect(CONTRACT_ERRORS.STUFF_RESERVED).toBe(
      'The stuff is being checked out by someone else, please come back later',
    );
  });

  it('declares exactly the codes of the contract, with the messages it fixes', () => {
    const table = contractTable();
    expect([...table.keys()].sort()).toEqual([...CONTRACT_ERROR_CODES].sort());
    for (const code of CONTRACT_ERROR_CODES) {
      const message = CONTRACT_ERRORS[code];
      if (message !== null) expect(table.get(code), code).toContain(`"${message}"`);
    }
    expect(table.get('UNAUTHENTICATED')).toContain(`"${INVALID_CREDENTIALS_MESSAGE}"`);
  });

  it('tells our codes and GraphQL request codes from anything else', () => {
    expect(isContractErrorCode('STUFF_SOLD')).toBe(true);
    expect(isContractErrorCode('toString')).toBe(false);
    expect(isRequestErrorCode('GRAPHQL_PARSE_FAILED')).toBe(true);
    expect(isRequestErrorCode('STUFF_SOLD')).toBe(false);
  });
});
