import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '../../lib/safe-return-path';

describe('the return path after signing in', () => {
  it.each([
    ['/sell', '/sell'],
    ['/stuff/42?tab=photos#top', '/stuff/42?tab=photos#top'],
    ['/sign-in?next=%2Forders', '/sign-in?next=%2Forders'],
    ['/orders/a b', '/orders/a%20b'],
  ])('keeps a path on this site: %s', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    // Another origin, written out or protocol-relative.
    'https://evil.example',
    'https:evil.example',
    'javascript:alert(1)',
    '//evil.example',
    '//evil.example/sell',
    // Browsers drop tab, newline and carriage return anywhere in a URL: `/\t/evil` is `//evil`.
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/%09/evil.example',
    '/%0a/evil',
    '/%0D/evil',
    // A backslash is a slash to a browser.
    '/\\evil.example',
    '\\\\evil.example',
    '/%5Cevil.example',
    // Dot segments that leave `//` once the path is normalised.
    '/.//evil.example',
    '/a/..//evil.example',
    '/%2F/evil.example',
    // Not a path at all.
    'sell',
    '',
    ' /sell',
    '/sell\u0000',
  ])('falls back to / for %j', (value) => {
    expect(safeReturnPath(value)).toBe('/');
  });

  it('reads the first of repeated ?next= values, and falls back when there is none', () => {
    expect(safeReturnPath(['/orders', '//evil.example'])).toBe('/orders');
    expect(safeReturnPath(['//evil.example', '/orders'])).toBe('/');
    expect(safeReturnPath(undefined)).toBe('/');
    expect(safeReturnPath(null, '/my-stuff')).toBe('/my-stuff');
  });
});
