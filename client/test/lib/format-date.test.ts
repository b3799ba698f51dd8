import { describe, expect, it } from 'vitest';
import { describeTime, formatDate, knownTimeZone } from '../../lib/format-date';

const NOW = Date.parse('2026-11-29T19:00:00Z');

describe('times as the visitor reads them', () => {
  it('says how long ago or how soon, in words, and keeps the exact time in the zone for the tooltip', () => {
    expect(describeTime('2026-11-29T18:59:40Z', NOW, 'Europe/Paris')).toEqual({
      text: 'just now',
      exact: '29 Nov 2026, 19:59 CET',
    });
    expect(describeTime('2026-11-29T18:55:00Z', NOW).text).toBe('5 minutes ago');
    expect(describeTime('2026-11-29T21:00:00Z', NOW).text).toBe('in 2 hours');
    expect(describeTime('2026-11-28T19:00:00Z', NOW).text).toBe('yesterday');
    expect(describeTime('2026-11-25T19:00:00Z', NOW).text).toBe('4 days ago');
  });

  it('gives the date itself a week or more away, in the visitor’s zone, across midnight', () => {
    expect(describeTime('2026-11-01T23:30:00Z', NOW, 'Asia/Tokyo').text).toBe('2 Nov 2026, 08:30 GMT+9');
    expect(formatDate('2026-11-01T23:30:00Z')).toBe('1 Nov 2026, 23:30 UTC');
  });

  it('accepts only zones the runtime knows, so a forged cookie falls back to UTC', () => {
    expect(knownTimeZone('America/New_York')).toBe('America/New_York');
    expect(knownTimeZone('Mars/Olympus')).toBeNull();
    expect(knownTimeZone('x'.repeat(100))).toBeNull();
    expect(knownTimeZone(undefined)).toBeNull();
  });
});
