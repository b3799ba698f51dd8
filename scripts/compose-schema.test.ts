import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildASTSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { composeSchema, routingUrlOf, schemaFileOf } from './compose-schema.js';
import { SUBGRAPHS } from './services.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('schema/', () => {
  it('is what `npm run schema` prints and composes from the code now (run it after changing a subgraph)', async () => {
    const { files } = await composeSchema();
    for (const [path, content] of Object.entries(files)) {
      const committed = await readFile(`${ROOT}/${path}`, 'utf8').catch(() => '(missing)');
      expect(committed, `${path} is stale: run npm run schema`).toBe(content);
    }
  });

  it('lists in rover.yaml exactly the subgraphs of the manifest, with the files and routing URLs npm run schema uses', async () => {
    const rover = parseYaml(await readFile(`${ROOT}/rover.yaml`, 'utf8')) as {
      subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
    };
    expect(rover.subgraphs).toEqual(
      Object.fromEntries(
        SUBGRAPHS.map((subgraph) => [
          subgraph.name,
          { routing_url: routingUrlOf(subgraph), schema: { file: `./${schemaFileOf(subgraph.name)}` } },
        ]),
      ),
    );
  });

  it('offers a valid supergraph', async () => {
    const sdl = await readFile(`${ROOT}/schema/supergraph.graphql`, 'utf8');
    expect(() => buildASTSchema(parse(sdl), { assumeValidSDL: true })).not.toThrow();
  });
});
