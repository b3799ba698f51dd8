import { readFile } from 'node:fs/promises';

export interface Supergraph {
  sdl: string;
  /** Each subgraph's name and where it runs, overrides applied. */
  subgraphUrls: Record<string, string>;
}

const JOIN_GRAPH = /@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g;

/** The static supergraph composed by `npm run schema`: nothing is introspected at run time. */
export async function loadSupergraph(path: string, overrides: Record<string, string>): Promise<Supergraph> {
  const sdl = await readFile(path, 'utf8');
  const subgraphUrls: Record<string, string> = {};
  for (const [, name, url] of sdl.matchAll(JOIN_GRAPH)) {
    if (name) subgraphUrls[name] = overrides[name] ?? url ?? '';
  }
  const unknown = Object.keys(overrides).filter((name) => !(name in subgraphUrls));
  if (unknown.length > 0) throw new Error(`SUBGRAPH_URLS names subgraphs the supergraph lacks: ${unknown.join(', ')}`);
  return { sdl, subgraphUrls };
}
