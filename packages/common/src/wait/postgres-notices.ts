import pg from 'pg';
import type { Logger } from 'pino';
import type { Notifications } from './notifications.js';

/** The topic under which a NOTIFY on `channel` with `payload` (a subject's id) is passed on. */
export function noticeTopic(channel: string, payload: string): string {
  return `${channel}:${payload}`;
}

/**
 * Hears a database's NOTIFY on the channels asked for and passes each on to `notifications`
 * as `noticeTopic(channel, payload)`. PostgreSQL sends a notification when the transaction
 * that raised it commits, to every listening connection, so a change committed by any replica
 * is heard by all. The notices come on one connection of its own; one that is lost is opened
 * again, and since whatever was sent meanwhile is gone, every waiter then looks again.
 */
export class PostgresNotices {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private readonly channels = new Set<string>();
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly connection: pg.ClientConfig,
    private readonly notifications: Notifications,
    private readonly logger: Logger,
    private readonly retryMs = 1000,
  ) {}

  /** Resolves once NOTIFY on `channel` is heard (or, when the database is away, is being retried). */
  async listen(channel: string): Promise<void> {
    if (this.channels.has(channel)) return this.connecting;
    this.channels.add(channel);
    if (this.client) {
      await this.client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return;
    }
    return this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ ...this.connection, keepAlive: true });
    client.on('notification', ({ channel, payload }) => this.notifications.notify(noticeTopic(channel, payload ?? '')));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.channels) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Whatever changed before we listened (or while we could not) was not heard.
    this.notifications.notifyAll();
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (this.client === client) this.client = undefined;
    client.removeAllListeners('end');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.closed || this.retry) return;
    this.logger.warn({ err: error }, 'database notifications lost; listening again shortly');
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (!this.closed) void this.connect();
    }, this.retryMs);
  }
}
