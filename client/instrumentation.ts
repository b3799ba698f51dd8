import { clientConfig } from './lib/config';

/** Next.js calls this once when the server starts: a bad environment stops it there, readably. */
export function register(): void {
  clientConfig();
}
