import { visitorTimeZone } from '../lib/visitor-time-zone';
import { LocalTime } from './local-time';

/** A time on a server-rendered page, in the visitor's zone from the first byte when we know it. */
export async function VisitorTime({ iso }: { iso: string }) {
  return <LocalTime iso={iso} renderedAt={Date.now()} timeZone={await visitorTimeZone()} />;
}
