/** What is left of a reservation, for the countdown. */
export interface RemainingTime {
  /** Whole seconds left, rounded up: "0:01" is shown until the very end. */
  seconds: number;
  expired: boolean;
  /** `14:05`, or `1:02:03` past an hour. */
  text: string;
  /** `14 minutes 5 seconds`, for screen readers. */
  spoken: string;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

export function remainingTime(expiresAtMs: number, nowMs: number): RemainingTime {
  const seconds = Math.max(0, Math.ceil((expiresAtMs - nowMs) / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = seconds % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  const text = hours > 0 ? `${hours}:${pad(minutes)}:${pad(secs)}` : `${minutes}:${pad(secs)}`;
  const spokenParts = [
    ...(hours > 0 ? [plural(hours, 'hour')] : []),
    ...(hours > 0 || minutes > 0 ? [plural(minutes, 'minute')] : []),
    plural(secs, 'second'),
  ];
  return { seconds, expired: seconds === 0, text, spoken: spokenParts.join(' ') };
}
