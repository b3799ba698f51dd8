import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildASTSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSchema } from './compose-schema.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('schema/', () => {
  it('is what `npm run schema` prints and composes from the code now (run it after changing a subgraph)', async () => {
    const { files } = await composeSchema();
    for (const [path, content] of Object.entries(files)) {
      const committed = await readFile(`${ROOT}/${path}`, 'utf8').catch(() => '(missing)');
      expect(committed, `${path} is stale: run npm run schema`).toBe(content);
    }
  });

  it('lists in rover.yaml exactly the subgraph files in schema/', async () => {
    const { files } = await composeSchema();
    const rover = await readFile(`${ROOT}/rover.yaml`, 'utf8');
    for (const path of Object.keys(files).filter((file) => file !== 'schema/supergraph.graphql')) {
      expect(rover).toContain(`file: ./${path}`);
    }
  });

  it('offers a valid supergraph', async () => {
    const sdl = await readFile(`${ROOT}/schema/supergraph.graphql`, 'utf8');
    expect(() => buildASTSchema(parse(sdl), { assumeValidSDL: true })).not.toThrow();
  });
});
