/**
 * `tsx bench/summarise-profile.ts <file.cpuprofile> [top] [from to]`: where a V8 CPU profile's time went,
 * as self time by function and by package (node_modules/<package>, our workspaces, node).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, top = '30', from, to] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file!, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<number, number>();
// Optionally only the samples taken within [from, to], in microseconds of the monotonic clock
// V8 stamps them with (process.hrtime.bigint() / 1000n in any process of the machine).
const within = from && to ? [Number(from), Number(to)] : undefined;
let at = profile.startTime;
profile.samples.forEach((id, index) => {
  at += profile.timeDeltas[index] ?? 0;
  if (within && (at < within[0]! || at > within[1]!)) return;
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
});

const owner = (url: string) => {
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const ours = /\/(gateway|packages\/\w+|subgraphs\/\w+|bench)\//.exec(url);
  if (ours) return ours[1]!;
  return url.startsWith('node:') ? 'node' : url === '' ? '(native/gc/idle)' : url;
};

const functions = new Map<string, number>();
const packages = new Map<string, number>();
let total = 0;
for (const [id, micros] of self) {
  const { callFrame } = byId.get(id)!;
  const where = callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/h-[\w-]+\//, '');
  const name = `${callFrame.functionName || '(anonymous)'} ${where}:${callFrame.lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + micros);
  const pkg = callFrame.functionName === '(idle)' ? '(idle)' : owner(callFrame.url);
  packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
  total += micros;
}
const busy = total - (packages.get('(idle)') ?? 0);
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title} (% of busy time, ${(busy / 1e6).toFixed(1)} s busy)`);
  for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
    console.log(`${((100 * micros) / busy).toFixed(1).padStart(5)}%  ${name}`);
  }
};
print('by package', packages);
print('by function', functions);
