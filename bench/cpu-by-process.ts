import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds used by every process on the machine, by what it runs (a service's entry file,
 * postgres, redis-server, ...), read from /proc: where a benchmark's time went, process by
 * process, with the load generator counted too. Linux only.
 */
export function cpuByProcess(): Map<string, number> {
  const ticks = 100; // USER_HZ, 100 on every Linux we run on
  const totals = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Its own time and its reaped children's: PostgreSQL's backends come and go with the
      // pools, and a backend that ended is counted in its postmaster's children time.
      const seconds = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / ticks;
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const label = labelOf(Number(pid), cmdline);
      totals.set(label, (totals.get(label) ?? 0) + seconds);
    } catch {
      // gone meanwhile
    }
  }
  return totals;
}

export function cpuSince(before: Map<string, number>): Array<[string, number]> {
  const after = cpuByProcess();
  return [...after]
    .map(([label, seconds]): [string, number] => [label, seconds - (before.get(label) ?? 0)])
    .filter(([, seconds]) => seconds >= 0.01)
    .sort((a, b) => b[1] - a[1]);
}

/** `orders`, `gateway` (its workers too), `expiration`, `postgres`, `load generator`, ... */
function labelOf(pid: number, cmdline: string[]): string {
  if (pid === process.pid) return 'load generator';
  if (cmdline[0]?.startsWith('postgres')) return 'postgres';
  for (const arg of cmdline) {
    const service = /(?:^|\/)(?:subgraphs|workers)\/(\w+)\/src\/main\.ts$/.exec(arg)?.[1];
    if (service) return service;
    if (/(?:^|\/)gateway\/src\/main\.ts$/.test(arg)) return 'gateway';
  }
  return (cmdline[0] ?? String(pid)).split('/').pop()!.split(/[: ]/)[0]!;
}
