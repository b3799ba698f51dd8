import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchFrameReader, readBody, SUBGRAPH_BATCH_PATH } from '@stuffmart/common/runtime';
import { keepAliveFetcher } from '../src/keep-alive-fetcher.js';
import { SubgraphBatcher } from '../src/subgraph-batcher.js';

/**
 * The batcher against peers that misbehave as a real subgraph can (one of a version before
 * batching, one that dies mid-answer): a stand-in HTTP server plays the peer, since our
 * subgraphs cannot be made to do either on cue. The batch's happy path goes through the real
 * gateway and subgraphs (subgraph-batching.test.ts).
 */
describe('SubgraphBatcher', () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function peer(handler: (path: string, body: string, res: http.ServerResponse) => void): Promise<URL> {
    server = http.createServer(async (req, res) => handler(req.url ?? '/', (await readBody(req)).toString(), res));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
  }
  const fetcher = keepAliveFetcher({ timeoutMs: 5000, idleSocketTimeoutMs: 100 });
  const bodyOf = (n: number) => JSON.stringify({ query: `{ n${n} }` });

  it('sends a lone operation to /graphql, and the operations of one turn as one batch', async () => {
    const paths: string[] = [];
    const url = await peer((path, body, res) => {
      paths.push(path);
      if (path === '/graphql') return res.end(JSON.stringify({ data: { alone: JSON.parse(body).query } }));
      const entries = JSON.parse(body) as { body: { query: string } }[];
      // Answered out of order: each frame says whose it is.
      res.end(
        entries
          .map((entry, index) => {
            const answer = JSON.stringify({ data: { batched: entry.body.query } });
            return `${JSON.stringify({ index, status: 200, headers: {}, length: Buffer.byteLength(answer) })}\n${answer}`;
          })
          .reverse()
          .join(''),
      );
    });
    const batcher = new SubgraphBatcher(url, fetcher);
    const alone = await batcher.send({}, bodyOf(0));
    expect(JSON.parse(alone.body.toString())).toEqual({ data: { alone: '{ n0 }' } });
    const answers = await Promise.all([1, 2, 3].map((n) => batcher.send({}, bodyOf(n))));
    expect(answers.map((answer) => JSON.parse(answer.body.toString()).data.batched)).toEqual([
      '{ n1 }',
      '{ n2 }',
      '{ n3 }',
    ]);
    expect(paths).toEqual(['/graphql', SUBGRAPH_BATCH_PATH]);
  });

  it('sends each operation alone to a subgraph without the batch route (nothing of the batch ran)', async () => {
    const paths: string[] = [];
    const url = await peer((path, body, res) => {
      paths.push(path);
      if (path !== '/graphql') return res.writeHead(404).end('{"error":"Not found"}');
      res.end(JSON.stringify({ data: { alone: JSON.parse(body).query } }));
    });
    const batcher = new SubgraphBatcher(url, fetcher);
    const answers = await Promise.all([1, 2].map((n) => batcher.send({}, bodyOf(n))));
    expect(answers.map((answer) => JSON.parse(answer.body.toString()).data.alone)).toEqual(['{ n1 }', '{ n2 }']);
    expect(paths).toEqual([SUBGRAPH_BATCH_PATH, '/graphql', '/graphql']);
  });

  it('keeps the answers that came before a batch was cut off, and fails the rest', async () => {
    const url = await peer((_path, _body, res) => {
      const answer = '{"data":{"first":true}}';
      res.write(`${JSON.stringify({ index: 0, status: 200, headers: {}, length: answer.length })}\n${answer}{"ind`);
      setTimeout(() => res.destroy(), 20);
    });
    const batcher = new SubgraphBatcher(url, fetcher);
    const [first, second] = await Promise.allSettled([1, 2].map((n) => batcher.send({}, bodyOf(n))));
    expect(first?.status === 'fulfilled' && JSON.parse(first.value.body.toString())).toEqual({ data: { first: true } });
    expect(second?.status).toBe('rejected');
  });

  it('fails the whole batch on an answer that is not frames', async () => {
    const url = await peer((_path, _body, res) => res.end('{"errors":[{"message":"what?"}]}\n'));
    const batcher = new SubgraphBatcher(url, fetcher);
    const settled = await Promise.allSettled([1, 2].map((n) => batcher.send({}, bodyOf(n))));
    expect(settled.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('BatchFrameReader', () => {
  it('reads frames however the bytes are cut, multi-byte characters included', () => {
    const bodies = ['{"a":"ünïcödé ✓"}', '{}', '{"b":"' + 'x'.repeat(300) + '"}'];
    const bytes = Buffer.from(
      bodies
        .map(
          (body, index) =>
            `${JSON.stringify({ index, status: 200, headers: {}, length: Buffer.byteLength(body) })}\n${body}`,
        )
        .join(''),
    );
    for (const size of [1, 2, 7, 64, bytes.length]) {
      const read: string[] = [];
      const reader = new BatchFrameReader((_head, body) => read.push(body.toString('utf8')));
      for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
      expect(read).toEqual(bodies);
      expect(reader.incomplete).toBe(false);
    }
  });
});
