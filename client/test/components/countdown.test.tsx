import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Countdown } from '../../components/countdown';
import { remainingTime } from '../../lib/remaining-time';

const EXPIRES_AT = '2026-11-27T22:15:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('the time left on a reservation', () => {
  it('shows minutes and seconds, rounding up so the last second still shows 0:01', () => {
    expect(remainingTime(at(EXPIRES_AT), at('2026-11-27T22:00:00.000Z')).text).toBe('15:00');
    expect(remainingTime(at(EXPIRES_AT), at('2026-11-27T22:00:00.001Z')).text).toBe('15:00');
    expect(remainingTime(at(EXPIRES_AT), at('2026-11-27T22:00:01.000Z')).text).toBe('14:59');
    expect(remainingTime(at(EXPIRES_AT), at('2026-11-27T22:14:59.500Z'))).toMatchObject({
      text: '0:01',
      expired: false,
    });
  });

  it('ends at zero and never goes negative', () => {
    expect(remainingTime(at(EXPIRES_AT), at(EXPIRES_AT))).toMatchObject({ seconds: 0, expired: true, text: '0:00' });
    expect(remainingTime(at(EXPIRES_AT), at('2026-11-27T23:00:00.000Z'))).toMatchObject({ seconds: 0, text: '0:00' });
  });

  it('shows hours past an hour (a long RESERVATION_WINDOW_SECONDS)', () => {
    expect(remainingTime(at(EXPIRES_AT), at('2026-11-27T20:14:57.000Z')).text).toBe('2:00:03');
  });

  it('says the time in words for screen readers', () => {
    expect(remainingTime(at(EXPIRES_AT), at('2026-11-27T22:00:55.000Z')).spoken).toBe('14 minutes 5 seconds');
    expect(remainingTime(at(EXPIRES_AT), at('2026-11-27T22:14:59.000Z')).spoken).toBe('1 second');
    expect(remainingTime(at(EXPIRES_AT), at('2026-11-27T21:14:00.000Z')).spoken).toBe('1 hour 1 minute 0 seconds');
  });
});

describe('the countdown component', () => {
  it('renders the time left at the server clock it is given, as a timer with a spoken label', () => {
    const html = renderToStaticMarkup(<Countdown expiresAt={EXPIRES_AT} renderedAt={at('2026-11-27T22:00:55.000Z')} />);
    expect(html).toContain('Reserved for you for');
    expect(html).toContain('role="timer"');
    expect(html).toContain('aria-label="14 minutes 5 seconds left"');
    expect(html).toContain('>14:05</span>');
  });

  it('says the reservation has ended once it has', () => {
    const html = renderToStaticMarkup(<Countdown expiresAt={EXPIRES_AT} renderedAt={at('2026-11-27T22:15:01.000Z')} />);
    expect(html).toContain('The reservation has ended.');
    expect(html).not.toContain('role="timer"');
  });
});
