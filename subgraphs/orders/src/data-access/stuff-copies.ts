import { isUuid } from '@stuffmart/common';
import type { Kysely } from 'kysely';
import type { StuffSnapshot } from '@stuffmart/contract/events';
import type { OrdersDatabase, StuffCopy } from './orders-database.js';

export async function findStuffCopy(db: Kysely<OrdersDatabase>, id: string): Promise<StuffCopy | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('stuffCopies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function stuffCopyVersion(db: Kysely<OrdersDatabase>, id: string): Promise<number | undefined> {
  const row = await db.selectFrom('stuffCopies').select('version').where('id', '=', id).forUpdate().executeTakeFirst();
  return row?.version;
}

export async function saveStuffCopy(db: Kysely<OrdersDatabase>, stuff: StuffSnapshot, version: number): Promise<void> {
  const copy = {
    id: stuff.stuffId,
    sellerId: stuff.sellerId,
    title: stuff.title,
    priceCents: stuff.priceCents,
    currency: stuff.currency,
    version,
  };
  await db
    .insertInto('stuffCopies')
    .values(copy)
    .onConflict((conflict) => conflict.column('id').doUpdateSet(copy))
    .execute();
}
