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
import { benchStuff, benchUser } from './bench-actors.js';

const query = process.argv[2] || '{ stuffs(first: 20) { nodes { title priceCents seller { displayName } } } }';
const base = Number(process.env.BENCH_BASE_PORT ?? 4950);
const system = await startBenchSystem(base, {}, ['client', 'gateway']);
const gateway = await startGateway(loadConfig(gatewayConfigSchema, system.env), base);
try {
  const seller = await benchUser(system, 'profiler');
  for (let i = 0; i < 50; i++) await benchStuff(system, seller);
  const token = seller.token;
  await postGraphQL(system.gatewayUrl, query, {}, { token });
  const run = (seconds: number) =>
    new Promise<number>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          'node_modules/autocannon/autocannon.js',
          '-c',
          '50',
          '-d',
          String(seconds),
          '-m',
          'POST',
          '-H',
          'content-type=application/json',
          '-H',
          `authorization=Bearer ${token}`,
          '-b',
          JSON.stringify({ query }),
          '-j',
          system.gatewayUrl,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
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
