import type { StuffRow } from '../data-access/catalog-database.js';
import type { CatalogContext } from './catalog-context.js';

/** Other subgraphs hold only `Stuff { id }`; the gateway asks here for the rest, batched. */
export async function resolveStuffReference(reference: { id: string }, ctx: CatalogContext): Promise<StuffRow | null> {
  return ctx.stuffs.load(reference.id);
}
