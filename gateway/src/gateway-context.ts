import type { Identity, Logger, SessionCookies } from '@stuffmart/common/runtime';
import type { ServerResponse } from 'node:http';

export interface GatewayContext {
  user: Identity | null;
  /** The gateway's signed word on `user` and the client's address, for the subgraphs. */
  voucher: string;
  requestId: string;
  logger: Logger;
  /** The refresh cookie's value, passed on to the auth subgraph only. */
  refreshCookie: string | undefined;
  /** What the auth subgraph asked us to do with the cookies, applied before the response leaves. */
  sessionUpdate: SessionCookies | 'clear' | null;
  /** Absent for the queries the gateway runs itself (a live event's entity fields). */
  res?: ServerResponse;
  /** The gateway's public origin, passed to the subgraphs for absolute photo URLs. */
  publicUrl?: string | undefined;
}
