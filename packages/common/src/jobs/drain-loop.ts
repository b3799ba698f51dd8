import type { Logger } from 'pino';

export interface DrainLoopOptions {
  /** What is drained, for the log: `outbox relay`, `mail sender`. */
  name: string;
  /** A round that claims this many rows is followed by the next at once: more may be waiting. */
  batchSize: number;
  /** How often to look for rows nobody woke us for (another replica's, retries, after a crash). */
  pollIntervalMs: number;
  /** The pause after a round that threw (the database is away, say); a wake ends it early. */
  failurePauseMs: number;
  logger: Logger;
}

const PRUNE_INTERVAL_MS = 3_600_000;

/**
 * The loop of a table that works as a queue (the outbox, the mail outbox): rounds of claim and
 * handle while there is a full batch, a pause between rounds otherwise, cut short by `wake()`
 * after a commit that added rows, so they leave at once. A wake that comes during a round is
 * kept: the next round follows without a pause.
 */
export abstract class DrainLoop {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private pendingWake = false;

  constructor(private readonly loopOptions: DrainLoopOptions) {}

  /**
   * Claims up to `batchSize` rows (SKIP LOCKED or a lease, so replicas share the work), handles
   * them and returns how many it claimed.
   */
  protected abstract round(): Promise<number>;

  /** Housekeeping run at start and then hourly (pruning old rows); a failure is only logged. */
  protected async prune(): Promise<unknown> {
    return undefined;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Called after a commit that added rows, so they leave at once. */
  wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  /** Ends after the round under way, without sitting out a pause. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { name, batchSize, pollIntervalMs, failurePauseMs, logger } = this.loopOptions;
    let lastPrune = 0;
    while (this.running) {
      this.pendingWake = false;
      if (Date.now() - lastPrune > PRUNE_INTERVAL_MS) {
        lastPrune = Date.now();
        await this.prune().catch((error: unknown) => logger.warn({ err: error }, `${name}: prune failed`));
      }
      let claimed = 0;
      try {
        claimed = await this.round();
      } catch (error) {
        logger.warn({ err: error }, `${name} failed; retrying`);
        await this.sleep(failurePauseMs);
        continue;
      }
      if (claimed < batchSize && !this.pendingWake) await this.sleep(pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    // stop() may have come during the round; its wake-up is spent already.
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }
}
