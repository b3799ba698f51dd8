import type { Logger } from 'pino';
import type { Identity } from '../auth/identity.js';

/** What every subgraph resolver can rely on; a subgraph may extend it with its loaders. */
export interface SubgraphContext {
  /** The signed-in user as the gateway vouched for it; null when signed out or not vouched. */
  user: Identity | null;
  clientIp: string | null;
  requestId: string;
  logger: Logger;
  /** Sets a header on the HTTP response to the gateway (used for session cookies). */
  setResponseHeader(name: string, value: string): void;
  /** A header of the incoming request, lower-case name. */
  requestHeader(name: string): string | undefined;
}
