/**
 * Open WebSockets per client address, so that one client cannot hold the gateway's sockets
 * (and the upstream connections each one opens) for everyone. An address leaves the map when
 * its last socket closes, so the map holds only addresses with a socket open.
 */
export class ConnectionsPerAddress {
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
