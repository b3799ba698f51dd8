import cluster, { type Worker } from 'node:cluster';

/** What the WebSocket server asks before it keeps a socket: may `address` open one more? */
export interface ConnectionLimit {
  take(address: string): boolean | Promise<boolean>;
  release(address: string): void;
}

/**
 * Open WebSockets per client address, so that one client cannot hold the gateway's sockets
 * (and the upstream connections each one opens) for everyone. An address leaves the map when
 * its last socket closes, so the map holds only addresses with a socket open.
 */
export class ConnectionsPerAddress implements ConnectionLimit {
  private readonly open = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Counts one more socket for `address`, or answers false when it already holds the limit. */
  take(address: string): boolean {
    const count = this.open.get(address) ?? 0;
    if (count >= this.limit) return false;
    this.open.set(address, count + 1);
    return true;
  }

  release(address: string): void {
    const count = (this.open.get(address) ?? 0) - 1;
    if (count > 0) this.open.set(address, count);
    else this.open.delete(address);
  }
}

const TAKE = 'stuffmart:connection-take';
const TAKEN = 'stuffmart:connection-taken';
const RELEASE = 'stuffmart:connection-release';

type LedgerMessage =
  | { type: typeof TAKE; id: number; address: string }
  | { type: typeof TAKEN; id: number; ok: boolean }
  | { type: typeof RELEASE; address: string };

const isLedgerMessage = (message: unknown): message is LedgerMessage =>
  typeof message === 'object' &&
  message !== null &&
  [TAKE, TAKEN, RELEASE].includes((message as { type?: string }).type ?? '');

/**
 * With GATEWAY_WORKERS > 1 each worker process holds some of a client's sockets, so the count
 * per address lives in the cluster's primary process, which every worker asks over its IPC
 * channel: the limit holds across workers. The primary also remembers which worker holds what,
 * and gives back a worker's sockets when that worker dies.
 */
export class ClusterConnectionLedger {
  private readonly counts: ConnectionsPerAddress;
  private readonly byWorker = new Map<number, Map<string, number>>();

  constructor(limit: number) {
    this.counts = new ConnectionsPerAddress(limit);
  }

  /** Serves one worker's questions; call for each worker forked. */
  serve(worker: Worker): void {
    const held = new Map<string, number>();
    this.byWorker.set(worker.id, held);
    worker.on('message', (message: unknown) => {
      if (!isLedgerMessage(message)) return;
      if (message.type === TAKE) {
        const ok = this.counts.take(message.address);
        if (ok) held.set(message.address, (held.get(message.address) ?? 0) + 1);
        if (worker.isConnected()) worker.send({ type: TAKEN, id: message.id, ok } satisfies LedgerMessage);
      } else if (message.type === RELEASE && (held.get(message.address) ?? 0) > 0) {
        this.counts.release(message.address);
        const left = held.get(message.address)! - 1;
        if (left > 0) held.set(message.address, left);
        else held.delete(message.address);
      }
    });
    worker.once('exit', () => {
      for (const [address, count] of held) for (let i = 0; i < count; i++) this.counts.release(address);
      this.byWorker.delete(worker.id);
    });
  }
}

/** A worker's side of the ledger: each take is a question to the primary. */
export class SharedConnectionsPerAddress implements ConnectionLimit {
  private nextId = 0;
  private readonly pending = new Map<number, (ok: boolean) => void>();
  private readonly onMessage = (message: unknown) => {
    if (!isLedgerMessage(message) || message.type !== TAKEN) return;
    this.pending.get(message.id)?.(message.ok);
    this.pending.delete(message.id);
  };

  constructor() {
    process.on('message', this.onMessage);
  }

  take(address: string): Promise<boolean> {
    // No primary to ask (it is gone, and this worker is stopping): no new socket.
    if (!process.send || !process.connected) return Promise.resolve(false);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      process.send!({ type: TAKE, id, address } satisfies LedgerMessage);
    });
  }

  release(address: string): void {
    if (process.send && process.connected) process.send({ type: RELEASE, address } satisfies LedgerMessage);
  }

  close(): void {
    process.off('message', this.onMessage);
    for (const resolve of this.pending.values()) resolve(false);
    this.pending.clear();
  }
}

/** The limit as this process should keep it: in the primary when it is a cluster worker. */
export function connectionLimit(limit: number): ConnectionLimit & { close?(): void } {
  return cluster.isWorker ? new SharedConnectionsPerAddress() : new ConnectionsPerAddress(limit);
}
