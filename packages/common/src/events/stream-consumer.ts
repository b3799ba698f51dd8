import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { isDatabaseConnectionError } from '../errors/is-database-connection-error.js';
import { heartbeatKey } from './consumer-heartbeat.js';
import { deadLetterKey, parseEvent, streamKey, type DomainEvent } from './domain-event.js';
import { retryPolicy } from './retry-policy.js';

/**
 * `done`: applied or already applied, acknowledge it. `retry`: not yet applicable (its
 * subject's earlier versions have not arrived): keep it and try again later, never drop it.
 */
export type HandleOutcome = 'done' | 'retry';

/**
 * Turns an envelope read from the stream into what the handler takes (`readContractEvent`
 * parses a contract event's payload). Undefined: an event this consumer does not read, which
 * is acknowledged unhandled. Throwing: the entry can never be handled, and is parked on the
 * dead-letter stream at once with the error's message as its reason; no handler sees it.
 */
export type EventReader<E extends DomainEvent> = (event: DomainEvent) => E | undefined;

/**
 * What a consumer does with events. `handle` takes one. `handleBatch`, when given, takes a run
 * of entries never tried before (2 to MAX_BATCH, in stream order) and answers one outcome per
 * event, in the same order; it must be all or nothing: when it throws, none of the batch may
 * have taken effect, because each of its events is then handed to `handle`, one by one, where
 * failures, dead-lettering and database-away waits are counted per entry.
 */
export interface EventHandlers<E extends DomainEvent> {
  handle: (event: E) => Promise<HandleOutcome>;
  handleBatch?: (events: E[]) => Promise<HandleOutcome[]>;
}

/** Both ways from a batch handler alone: one event is handled as a batch of one. */
export function batchHandlers<E extends DomainEvent>(
  handleBatch: (events: E[]) => Promise<HandleOutcome[]>,
): Required<EventHandlers<E>> {
  return { handle: async (event) => (await handleBatch([event]))[0]!, handleBatch };
}

export interface StreamConsumerOptions<E extends DomainEvent = DomainEvent> {
  /** A connection of its own (XREADGROUP blocks it), without key prefix. */
  redis: Redis;
  namespace: string;
  /** Whose stream: the publisher's name. */
  stream: string;
  /** Who reads: one group per consuming service, so each service sees every event once. */
  group: string;
  /**
   * The replica's own name (see `consumerName`): stable across restarts of the same replica,
   * so a restarted process finds what it held in its own pending list, and unique among the
   * replicas alive at once.
   */
  consumer: string;
  read: EventReader<E>;
  handle: EventHandlers<E>['handle'];
  handleBatch?: EventHandlers<E>['handleBatch'];
  logger: Logger;
  /** Failures (thrown errors) before an entry is parked on the dead-letter stream. */
  maxAttempts?: number;
  /** Entries of other consumers idle this long are taken over. */
  claimIdleMs?: number;
  /** How often to look for such entries; half of claimIdleMs unless given. */
  claimIntervalMs?: number;
  blockMs?: number;
  /** How often this consumer says it is alive. */
  heartbeatMs?: number;
  /** A consumer not heard of this long is dead: peers claim its entries at once. */
  heartbeatTtlMs?: number;
}

interface Held {
  entryId: string;
  raw: string | undefined;
  /** Known once parsed: a waiting entry is retried at once when its subject moves on. */
  subjectId?: string;
  failures: number;
  waits: number;
  dueAt: number;
}

type StreamEntries = Array<[string, string[]]>;

/** The most entries one read brings, and one batch handles. */
const MAX_BATCH = 100;
/** XAUTOCLAIM calls per claim round (100 entries each at most), so one round stays short. */
const CLAIM_PAGES_PER_ROUND = 10;
/** An entry claimed from a dead consumer less than this ago is not claimed again by another. */
const CLAIM_MIN_IDLE_MS = 1000;

function fieldValue(fields: string[], name: string): string | undefined {
  for (let i = 0; i < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

/**
 * Reads a Redis Stream in a consumer group, at least once: its own pending entries first
 * (what it held when it last stopped, or when its process was killed), then new ones. The
 * entries of a consumer whose heartbeat has lapsed are claimed within seconds, and, as a
 * backstop, any entry idle for claimIdleMs. An entry is acknowledged only after its handler
 * has committed.
 */
export class StreamConsumer<E extends DomainEvent = DomainEvent> {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly held = new Map<string, Held>();
  private lastClaim = 0;
  private lastLivenessCheck = 0;
  private claimCursor = '0-0';
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly options: StreamConsumerOptions<E>) {}

  private get key(): string {
    return streamKey(this.options.namespace, this.options.stream);
  }

  async start(): Promise<void> {
    // A second start would run a second loop over the same entries.
    if (this.running) return;
    this.running = true;
    const { redis, group } = this.options;
    try {
      try {
        // From the stream's beginning: events published before this group existed count too.
        await redis.xgroup('CREATE', this.key, group, '0', 'MKSTREAM');
      } catch (error) {
        if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
      }
      await this.beat();
      this.startHeartbeat();
      await this.readOwnPending();
    } catch (error) {
      this.stopHeartbeat();
      this.running = false;
      throw error;
    }
    // stop() came while we were starting: leave what we read pending, as stop() promises.
    if (!this.running) return;
    this.loop = this.run();
  }

  /**
   * Stops reading. Entries already read and never tried are handled first, so nothing waits
   * for a restart that may not come. Entries waiting or backing off stay pending, and the
   * heartbeat is withdrawn, so a peer claims them at once (or this replica, when it restarts).
   */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.stopHeartbeat();
    const { redis, namespace, stream, group, consumer } = this.options;
    await redis.del(heartbeatKey(namespace, stream, group, consumer)).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    const { redis, namespace, stream, group, consumer, heartbeatTtlMs = 5000 } = this.options;
    await redis.set(heartbeatKey(namespace, stream, group, consumer), String(process.pid), 'PX', heartbeatTtlMs);
  }

  /**
   * On a timer of its own, not in the read loop: a handler that takes long (a slow database)
   * must not make a living consumer look dead. Behind a blocking read it waits at most blockMs.
   */
  private startHeartbeat(): void {
    const { heartbeatMs = 1000, logger } = this.options;
    this.heartbeat = setInterval(() => {
      this.beat().catch((error: unknown) => logger.debug({ err: error }, 'heartbeat failed'));
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private async readOwnPending(): Promise<void> {
    const { redis, group, consumer } = this.options;
    let cursor = '0';
    for (;;) {
      const reply = (await redis.xreadgroup(
        'GROUP',
        group,
        consumer,
        'COUNT',
        500,
        'STREAMS',
        this.key,
        cursor,
      )) as Array<[string, StreamEntries]> | null;
      const entries = reply?.[0]?.[1] ?? [];
      if (entries.length === 0) return;
      for (const [entryId, fields] of entries) this.hold(entryId, fields);
      cursor = entries[entries.length - 1]![0];
    }
  }

  private hold(entryId: string, fields: string[] | null): void {
    if (!this.held.has(entryId)) {
      this.held.set(entryId, {
        entryId,
        raw: fields ? fieldValue(fields, 'event') : undefined,
        failures: 0,
        waits: 0,
        dueAt: 0,
      });
    }
  }

  private async run(): Promise<void> {
    const { redis, group, consumer, logger, blockMs = 1000, claimIdleMs = 30_000, heartbeatMs = 1000 } = this.options;
    const claimIntervalMs = this.options.claimIntervalMs ?? claimIdleMs / 2;
    while (this.running) {
      try {
        await this.processDue();
        if (Date.now() - this.lastLivenessCheck > heartbeatMs) {
          this.lastLivenessCheck = Date.now();
          await this.claimFromDead();
        }
        if (Date.now() - this.lastClaim > claimIntervalMs) {
          this.lastClaim = Date.now();
          await this.claimIdle(claimIdleMs);
        }
        let nextDue = Infinity;
        for (const held of this.held.values()) nextDue = Math.min(nextDue, held.dueAt);
        const block = Math.max(1, Math.min(blockMs, nextDue - Date.now()));
        const reply = (await redis.xreadgroup(
          'GROUP',
          group,
          consumer,
          'COUNT',
          MAX_BATCH,
          'BLOCK',
          block,
          'STREAMS',
          this.key,
          '>',
        )) as Array<[string, StreamEntries]> | null;
        for (const [entryId, fields] of reply?.[0]?.[1] ?? []) this.hold(entryId, fields);
      } catch (error) {
        if (!this.running) break;
        logger.warn({ err: error, stream: this.options.stream }, 'stream read or acknowledgement failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    try {
      // What the last read brought in while stop() was called.
      await this.processDue();
    } catch (error) {
      logger.warn({ err: error, stream: this.options.stream }, 'could not finish held entries on stop');
    }
  }

  /**
   * Takes over the pending entries of every consumer whose heartbeat has lapsed: a killed
   * process' events move on within heartbeatTtlMs, not claimIdleMs. XCLAIM's minimum idle time
   * keeps two claimers from taking the same entry from each other in turn.
   */
  private async claimFromDead(): Promise<void> {
    const { redis, namespace, stream, group, consumer } = this.options;
    const consumers = (await redis.xinfo('CONSUMERS', this.key, group)) as unknown[][];
    for (const info of consumers) {
      const name = String(info[info.indexOf('name') + 1]);
      const pending = Number(info[info.indexOf('pending') + 1]);
      if (name === consumer || pending === 0) continue;
      if (await redis.exists(heartbeatKey(namespace, stream, group, name))) continue;
      for (;;) {
        const entries = (await redis.xpending(this.key, group, '-', '+', 100, name)) as Array<[string, ...unknown[]]>;
        if (entries.length === 0) break;
        const claimed = (await redis.xclaim(
          this.key,
          group,
          consumer,
          CLAIM_MIN_IDLE_MS,
          ...entries.map(([entryId]) => entryId),
        )) as Array<[string, string[] | null]>;
        for (const [entryId, fields] of claimed) this.hold(entryId, fields);
        // Entries another claimer took a moment ago stay its own; do not spin on them.
        if (claimed.length < entries.length) break;
      }
    }
  }

  /**
   * Takes over entries idle for claimIdleMs (their consumer died), following XAUTOCLAIM's
   * cursor: each call scans only part of the pending list, so always starting from the
   * beginning would never reach entries behind a long run of busy ones.
   */
  private async claimIdle(claimIdleMs: number): Promise<void> {
    const { redis, group, consumer } = this.options;
    for (let page = 0; page < CLAIM_PAGES_PER_ROUND; page++) {
      const [cursor, claimed] = (await redis.xautoclaim(
        this.key,
        group,
        consumer,
        claimIdleMs,
        this.claimCursor,
        'COUNT',
        100,
      )) as [string, StreamEntries];
      this.claimCursor = cursor;
      for (const [entryId, fields] of claimed) this.hold(entryId, fields);
      if (cursor === '0-0') return;
    }
  }

  /**
   * Handles, in stream order, every held entry whose time has come: each run of entries never
   * tried before as one batch, an entry tried before (waiting or failed) on its own.
   */
  private async processDue(): Promise<void> {
    const now = Date.now();
    let run: Held[] = [];
    const flush = async () => {
      const batch = run;
      run = [];
      await this.processBatch(batch);
    };
    // Live, not a copy: a waiting entry further on that an applied predecessor wakes goes now.
    for (const held of this.held.values()) {
      if (held.dueAt > now) continue;
      if (held.failures + held.waits === 0) {
        run.push(held);
        if (run.length === MAX_BATCH) await flush();
        continue;
      }
      await flush();
      // Stopping: do not sit out a backoff, but still handle what was never tried.
      if (this.running) await this.process(held);
    }
    await flush();
  }

  /** Entries never tried: one handler call and one XACK for all, when there is a batch handler. */
  private async processBatch(batch: Held[]): Promise<void> {
    const { handleBatch, logger, stream } = this.options;
    if (batch.length < 2 || !handleBatch) {
      for (const held of batch) await this.process(held);
      return;
    }
    const notMine: Held[] = [];
    const readable: Array<{ held: Held; event: E }> = [];
    for (const held of batch) {
      const event = await this.read(held);
      if (event === 'parked') continue;
      if (event === 'not-mine') notMine.push(held);
      else readable.push({ held, event });
    }
    if (readable.length < 2) {
      await this.acknowledge(notMine);
      for (const { held, event } of readable) await this.handle(held, event);
      return;
    }
    let outcomes: HandleOutcome[];
    try {
      outcomes = await handleBatch(readable.map(({ event }) => event));
      if (outcomes.length !== readable.length) {
        throw new Error(`the batch handler answered ${outcomes.length} outcomes for ${readable.length} events`);
      }
    } catch (error) {
      // Nothing of the batch took effect: each entry gets the single path, which counts a
      // failure, a wait or a dead letter against that entry alone.
      logger.debug({ err: error, stream }, 'batch not applied; its events go one by one');
      await this.acknowledge(notMine);
      for (const { held, event } of readable) await this.handle(held, event);
      return;
    }
    const done = readable.filter((_, index) => outcomes[index] === 'done');
    // Outside the handler's try, as for a single entry (see `handle`).
    await this.acknowledge([...notMine, ...done.map(({ held }) => held)]);
    readable.forEach(({ held, event }, index) => {
      if (outcomes[index] === 'retry') this.wait(held, event);
    });
    for (const subjectId of new Set(done.map(({ event }) => event.subjectId))) this.wakeWaiting(subjectId);
  }

  private async process(held: Held): Promise<void> {
    const event = await this.read(held);
    if (event === 'parked') return;
    // Not for this consumer: acknowledged, as a handler that ignores it would have done.
    if (event === 'not-mine') await this.acknowledge([held]);
    else await this.handle(held, event);
  }

  /** The entry's event; an entry that can never be read is parked on the dead-letter stream. */
  private async read(held: Held): Promise<E | 'not-mine' | 'parked'> {
    let event: E | undefined;
    try {
      if (held.raw === undefined) throw new Error('entry has no event field (trimmed or foreign)');
      event = this.options.read(parseEvent(held.raw));
    } catch (error) {
      await this.deadLetter(held, error);
      return 'parked';
    }
    if (event === undefined) return 'not-mine';
    held.subjectId = event.subjectId;
    return event;
  }

  private async handle(held: Held, event: E): Promise<void> {
    const { logger, handle, maxAttempts = 10 } = this.options;
    let outcome: HandleOutcome;
    try {
      outcome = await handle(event);
    } catch (error) {
      if (isDatabaseConnectionError(error)) {
        held.waits += 1;
        held.dueAt = Date.now() + retryPolicy('database-away', held.waits).retryAfterMs;
        logger.warn({ event: event.id, type: event.type }, 'database unreachable; event waits');
        return;
      }
      held.failures += 1;
      const decision = retryPolicy('failed', held.failures, maxAttempts);
      if (decision === 'dead-letter') {
        await this.deadLetter(held, error);
        return;
      }
      held.dueAt = Date.now() + decision.retryAfterMs;
      logger.warn({ err: error, event: event.id, type: event.type, attempt: held.failures }, 'event handler failed');
      return;
    }
    if (outcome === 'done') {
      // Outside the handler's try: a failed XACK is Redis' trouble, not a failure of the
      // (committed) effect, and must not count towards the dead-letter bound. The entry stays
      // held and due, and the next try finds it already processed.
      await this.acknowledge([held]);
      this.wakeWaiting(event.subjectId);
      return;
    }
    this.wait(held, event);
  }

  /** Not yet applicable: tried again after a growing pause, or as soon as its subject moves on. */
  private wait(held: Held, event: E): void {
    held.waits += 1;
    held.dueAt = Date.now() + retryPolicy('waiting', held.waits).retryAfterMs;
    if (held.waits % 20 === 0)
      this.options.logger.warn({ event: event.id, type: event.type }, 'event still waits for earlier versions');
  }

  /** One XACK for all; they stay held (and due) if Redis refuses it. */
  private async acknowledge(entries: Held[]): Promise<void> {
    if (entries.length === 0) return;
    await this.options.redis.xack(this.key, this.options.group, ...entries.map((held) => held.entryId));
    for (const held of entries) this.held.delete(held.entryId);
  }

  /**
   * The subject has moved on, so its waiting entries may apply now: without this, a version
   * that arrived early sat out its backoff (up to BACKOFF_CAP_MS) after its predecessor applied.
   */
  private wakeWaiting(subjectId: string): void {
    for (const held of this.held.values()) {
      if (held.subjectId === subjectId && held.waits > 0 && held.failures === 0) held.dueAt = 0;
    }
  }

  private async deadLetter(held: Held, error: unknown): Promise<void> {
    const { redis, namespace, stream, group, logger } = this.options;
    logger.error({ err: error, entryId: held.entryId, stream, group }, 'event parked on the dead-letter stream');
    await redis.xadd(
      deadLetterKey(namespace, stream),
      '*',
      'event',
      held.raw ?? '',
      'group',
      group,
      'error',
      String((error as Error)?.message ?? error),
    );
    await this.acknowledge([held]);
  }
}
