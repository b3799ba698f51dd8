import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  closeSockets,
  eventually,
  freePort,
  listStuff,
  openRawSocket,
  postGraphQL,
  signUpActor,
} from '@stuffmart/test-kit';
import { startTestSystem, type TestSystem } from '../../test/system/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_CONNECTIONS_PER_ADDRESS, TOO_MANY_CONNECTIONS_CODE } from '../src/serve-subscriptions.js';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The process ids of the primary's workers (its children). */
function workerPids(primary: number): number[] {
  const children = readFileSync(`/proc/${primary}/task/${primary}/children`, 'utf8').trim();
  return children ? children.split(/\s+/).map(Number) : [];
}

/** How many TCP connections to `port` a process has accepted and holds open. */
function acceptedSockets(pid: number, port: number): number {
  const portHex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local address, state 01 (ESTABLISHED), inode
      if (fields[1]?.endsWith(portHex) && fields[3] === '01') inodes.add(fields[9]!);
    }
  }
  let held = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    const target = (() => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    })();
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode && inodes.has(inode)) held++;
  }
  return held;
}

describe('GATEWAY_WORKERS: gateway worker processes sharing one port', () => {
  let system: TestSystem;
  let primary: ChildProcess;
  let port: number;
  let url: string;

  beforeAll(async () => {
    system = await startTestSystem();
    port = await freePort();
    url = `http://127.0.0.1:${port}/graphql`;
    primary = fork(MAIN, [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
      env: {
        ...process.env,
        ...system.env,
        GATEWAY_PORT: String(port),
        METRICS_PORT: String(await freePort()),
        GATEWAY_WORKERS: '2',
        SUBGRAPH_URLS: Object.entries(system.subgraphs)
          .map(([name, subgraph]) => `${name}=${subgraph.url}`)
          .join(','),
      },
    });
    await new Promise<void>((resolve, reject) => {
      primary.on('message', (message: { type?: string }) => message?.type === 'ready' && resolve());
      primary.once('exit', (code) => reject(new Error(`the gateway exited (${code})`)));
    });
  }, 120_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null) {
      const gone = new Promise((resolve) => primary.once('exit', resolve));
      primary.kill('SIGTERM');
      await gone;
    }
    await system?.close();
  }, 60_000);

  it('runs two workers that each answer requests and subscriptions on the one port', async () => {
    expect(workerPids(primary.pid!)).toHaveLength(2);
    const seller = await signUpActor(system, 'seller');
    const stuffId = await listStuff(system, seller, { title: 'Shared lamp' });
    // node:cluster hands each new connection to the next worker: four sockets, two each.
    const sockets = await Promise.all([1, 2, 3, 4].map(() => openRawSocket(url)));
    expect(sockets.map(({ outcome }) => outcome)).toEqual(['open', 'open', 'open', 'open']);
    for (const pid of workerPids(primary.pid!)) expect(acceptedSockets(pid, port)).toBeGreaterThan(0);
    // Each socket runs a subscription through its worker and gets the stuff's current state.
    const states = await Promise.all(
      sockets.map(
        ({ socket }) =>
          new Promise<unknown>((resolve) => {
            socket.on('message', (data: Buffer) => {
              const message = JSON.parse(data.toString());
              if (message.type === 'next') resolve(message.payload);
            });
            socket.send(
              JSON.stringify({
                id: '1',
                type: 'subscribe',
                payload: {
                  query: `subscription ($stuffId: ID!) { stuffAvailabilityChanged(stuffId: $stuffId) { availability stuff { title } } }`,
                  variables: { stuffId },
                },
              }),
            );
          }),
      ),
    );
    expect(states).toEqual(
      Array(4).fill({
        data: { stuffAvailabilityChanged: { availability: 'AVAILABLE', stuff: { title: 'Shared lamp' } } },
      }),
    );
    await closeSockets(sockets.map(({ socket }) => socket));
    // And plain HTTP, over fresh connections spread the same way.
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        postGraphQL<{ stuff: { title: string } }>(url, `query ($id: ID!) { stuff(id: $id) { title } }`, {
          id: stuffId,
        }),
      ),
    );
    expect(answers.map(({ body }) => body.data?.stuff.title)).toEqual(Array(6).fill('Shared lamp'));
  });

  it('holds the connections-per-address limit across workers, and gives back a dead worker’s places', async () => {
    const opened: Array<{ socket: WebSocket; outcome: string }> = [];
    for (let i = 0; i < MAX_CONNECTIONS_PER_ADDRESS; i++) opened.push(await openRawSocket(url));
    expect(opened.map(({ outcome }) => outcome)).toEqual(Array(MAX_CONNECTIONS_PER_ADDRESS).fill('open'));
    const [first, second] = workerPids(primary.pid!);
    // Both workers hold some of them: a limit counted per worker would let the next one in.
    expect(acceptedSockets(first!, port)).toBeGreaterThan(0);
    expect(acceptedSockets(second!, port)).toBeGreaterThan(0);
    expect((await openRawSocket(url)).outcome).toBe(`closed ${TOO_MANY_CONNECTIONS_CODE}`);

    // A worker that dies takes its sockets with it: the primary forks another and frees their places.
    process.kill(first!, 'SIGKILL');
    await eventually(
      async () => (opened.some(({ socket }) => socket.readyState === WebSocket.CLOSED) ? true : undefined),
      10_000,
      'the dead worker’s sockets to close',
    );
    await eventually(
      async () => (workerPids(primary.pid!).filter((pid) => pid !== first).length === 2 ? true : undefined),
      30_000,
      'a new worker',
    );
    const again = await eventually(
      async () => {
        const attempt = await openRawSocket(url);
        if (attempt.outcome === 'open') return attempt;
        return undefined;
      },
      30_000,
      'a freed place',
    );
    await closeSockets([...opened.map(({ socket }) => socket), again.socket]);
  }, 90_000);
});
