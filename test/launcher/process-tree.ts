import { readFileSync, readdirSync } from 'node:fs';

interface Proc {
  pid: number;
  ppid: number;
  state: string;
  cmdline: string;
}

function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (in parentheses) may hold spaces: the fields after it are what we read.
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return { pid, ppid: Number(after[1]), state: after[0]!, cmdline };
  } catch {
    return undefined;
  }
}

function allProcesses(): Proc[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((proc): proc is Proc => proc !== undefined);
}

/** Every process below `root` (children, their children, …), as they are now. */
export function descendants(root: number): Proc[] {
  const procs = allProcesses();
  const found: Proc[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const parent = frontier.pop()!;
    for (const proc of procs) {
      if (proc.ppid === parent) {
        found.push(proc);
        frontier.push(proc.pid);
      }
    }
  }
  return found;
}

/** Running (a zombie has exited; only its parent has not collected it yet). */
export function isAlive(pid: number): boolean {
  const proc = readProc(pid);
  return proc !== undefined && proc.state !== 'Z';
}
