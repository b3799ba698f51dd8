import type { Identity, Logger, SessionCookies } from '@stuffmart/common';
import type { Response } from 'express';

export interface GatewayContext {
  user: Identity | null;
  clientIp: string | null;
  requestId: string;
  logger: Logger;
  /** The refresh cookie's value, passed on to the auth subgraph only. */
  refreshCookie: string | undefined;
  /** What the auth subgraph asked us to do with the cookies, applied before the response leaves. */
  sessionUpdate: SessionCookies | 'clear' | null;
  res: Response;
}
