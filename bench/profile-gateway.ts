/**
 * Profiles the gateway alone under load: the subgraphs run as `npm start` runs them, the gateway
 * in this process, the load from autocannon in a child process. After a warm-up, a 15 s load is
 * profiled (V8's sampling profiler, as `--cpu-prof` does) and the gateway's CPU time per request
 * is printed: on a shared machine that figure, unlike req/s, does not depend on the neighbours.
 * `npx tsx bench/profile-gateway.ts ['<query>'] [out.cpuprofile]`, then open the profile in
 * Chrome DevTools or `npx tsx bench/summarise-profile.ts out.cpuprofile`.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { loadConfig } from '@stuffmart/common';
import { postGraphQL } from '@stuffmart/test-kit';
import { gatewayConfigSchema } from '../gateway/src/config.js';
import { startGateway } from '../gateway/src/start-gateway.js';
import { startBenchSystem } from './bench-system.js';
import { benchStuff, benchUser, benchUsers } from './bench-actors.js';

/** autocannon in a child process, each request carrying the next caller's token. */
const LOAD = `
import autocannon from 'autocannon';
const tokens = process.env.LOAD_TOKENS.split(' ');
let sent = 0;
const result = await autocannon({
  url: process.env.LOAD_URL, method: 'POST', connections: 50, duration: Number(process.env.LOAD_SECONDS),
  headers: { 'content-type': 'application/json' }, body: process.env.LOAD_BODY,
  requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, authorization: 'Bearer ' + tokens[sent++ % tokens.length] } }) }],
});
console.log(JSON.stringify(result));
`;

const query = process.argv[2] || '{ stuffs(first: 20) { nodes { title priceCents seller { displayName } } } }';
const base = Number(process.env.BENCH_BASE_PORT ?? 4950);
const system = await startBenchSystem(base, {}, ['client', 'gateway']);
const gateway = await startGateway(loadConfig(gatewayConfigSchema, system.env), base);
try {
  const seller = await benchUser(system, 'profiler');
  for (let i = 0; i < 50; i++) await benchStuff(system, seller);
  // PROFILE_CALLERS=50: each request from the next of that many callers, as the bench's
  // `{ me }` rows do, so the gateway's sharing of identical queries in flight plays no part.
  const callers = Number(process.env.PROFILE_CALLERS ?? 1);
  const tokens =
    callers > 1 ? (await benchUsers(system, callers, 'caller')).map((caller) => caller.token) : [seller.token];
  await postGraphQL(system.gatewayUrl, query, {}, { token: tokens[0] });
  const run = (seconds: number) =>
    new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', LOAD], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          ...process.env,
          LOAD_URL: system.gatewayUrl,
          LOAD_BODY: JSON.stringify({ query }),
          LOAD_SECONDS: String(seconds),
          LOAD_TOKENS: tokens.join(' '),
        },
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', () => resolve((JSON.parse(out) as { requests: { total: number } }).requests.total));
    });
  await run(3);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const cpu = process.cpuUsage();
  const seconds = Number(process.env.PROFILE_SECONDS ?? 15);
  const requests = await run(seconds);
  const used = process.cpuUsage(cpu);
  const { profile } = await session.post('Profiler.stop');
  await writeFile(process.argv[3] ?? 'gateway.cpuprofile', JSON.stringify(profile));
  console.log(
    `${requests} requests in ${seconds} s (${(requests / seconds).toFixed(1)} req/s); ` +
      `gateway CPU ${((used.user + used.system) / requests).toFixed(0)} µs a request ` +
      `(user ${(used.user / requests).toFixed(0)}, system ${(used.system / requests).toFixed(0)})`,
  );
} finally {
  await gateway.close();
  await system.stop();
}
