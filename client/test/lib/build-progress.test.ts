import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_MS, reportBuildProgress } from '../../scripts/build-progress';

afterEach(() => {
  vi.useRealTimers();
});

describe('the storefront build as npm start shows it', () => {
  it('passes Next’s output on whole lines, even when a chunk ends mid-line', () => {
    const lines: string[] = [];
    const progress = reportBuildProgress((line) => lines.push(line));
    progress.take('   ▲ Next.js 16\n   Creating an optimized');
    progress.take(' production build ...\n\n');
    progress.take(' ✓ Compiled');
    progress.stop();
    expect(lines).toEqual(['   ▲ Next.js 16', '   Creating an optimized production build ...', ' ✓ Compiled']);
  });

  it('says it is still building, with the time so far, whenever Next is quiet for a while', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const progress = reportBuildProgress((line) => lines.push(line));
    vi.advanceTimersByTime(HEARTBEAT_MS - 1_000);
    expect(lines).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(lines).toEqual(['still building… 5 s']);
    progress.take('Linting\n');
    vi.advanceTimersByTime(HEARTBEAT_MS - 1_000);
    expect(lines).toEqual(['still building… 5 s', 'Linting']);
    vi.advanceTimersByTime(1_000);
    expect(lines.at(-1)).toBe('still building… 10 s');
    progress.stop();
    vi.advanceTimersByTime(60_000);
    expect(lines).toHaveLength(3);
  });
});
