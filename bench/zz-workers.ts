import { startBenchSystem } from './bench-system.js';
import { benchStuff, benchUser } from './bench-actors.js';
import { loadTest } from './measure.js';
const workers = process.argv[2]!;
const system = await startBenchSystem(4970, { GATEWAY_WORKERS: workers });
try {
  const seller = await benchUser(system, 's');
  for (let i = 0; i < 20; i++) await benchStuff(system, seller);
  const body = JSON.stringify({ query: '{ stuffs(first: 20) { nodes { title priceCents seller { displayName } } } }' });
  await loadTest({ url: system.gatewayUrl, body, connections: 50, seconds: 3 });
  for (let i = 0; i < 2; i++) {
    const r = await loadTest({ url: system.gatewayUrl, body, connections: 50, seconds: 6 });
    console.log('RESULT workers', workers, JSON.stringify(r));
  }
} finally {
  await system.stop();
}
