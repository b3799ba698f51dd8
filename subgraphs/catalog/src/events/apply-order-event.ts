import { isUuid, versionGate, type ContractEvent, type ContractEventOf, type HandleOutcome } from '@stuffmart/common';
import { ORDER_CANCELLED, ORDER_COMPLETED, ORDER_CREATED } from '@stuffmart/contract/events';
import type { Kysely } from 'kysely';
import type { CatalogDatabase, OrderStatus } from '../data-access/catalog-database.js';
import {
  insertNewStuffOrders,
  lockStuffOrder,
  orderStatusesOfStuffs,
  saveStuffOrder,
} from '../data-access/stuff-orders.js';
import { lockStuff, lockStuffs, setAvailabilities } from '../data-access/stuffs.js';
import { deriveAvailability } from '../domain/derive-availability.js';

const STATUS_AFTER = {
  [ORDER_CREATED]: 'AWAITING_PAYMENT',
  [ORDER_CANCELLED]: 'CANCELLED',
  [ORDER_COMPLETED]: 'COMPLETE',
} as const satisfies Record<string, OrderStatus>;

/** What applyOrderEvent acts on: an order.held (a card payment's) changes no availability. */
export const ORDER_EVENTS_APPLIED = Object.keys(STATUS_AFTER);

/**
 * Applies an order's events in version order (created is 0, cancelled or completed 1) and
 * derives its stuff's availability from all the stuff's orders. Run it inside
 * transactionalHandler, which makes a redelivered event a no-op.
 */
export async function applyOrderEvent(event: ContractEvent, trx: Kysely<CatalogDatabase>): Promise<HandleOutcome> {
  if (event.type !== ORDER_CREATED && event.type !== ORDER_CANCELLED && event.type !== ORDER_COMPLETED) return 'done';
  const status = STATUS_AFTER[event.type];
  const { stuffId } = event.data;
  // The payload was parsed on arrival; the envelope's subject is checked here. Thrown, not
  // ignored: after its retries the event is parked on the dead-letter stream and logged.
  if (!isUuid(event.subjectId)) throw new Error(`${event.type} ${event.id} names no valid order`);
  // The stuff first, as updateStuff locks it: its availability is rewritten from a consistent
  // view of its orders, and an edit waits for (or precedes) this change, never overlaps it.
  const stuff = await lockStuff(trx, stuffId);
  const known = await lockStuffOrder(trx, event.subjectId);
  const gate = versionGate(known?.version, event.subjectVersion);
  if (gate === 'wait') return 'retry';
  if (gate === 'stale') return 'done';
  const statuses = await saveStuffOrder(trx, {
    orderId: event.subjectId,
    stuffId,
    status,
    version: event.subjectVersion,
  });
  const availability = deriveAvailability(statuses);
  if (stuff && availability !== stuff.availability) await setAvailabilities(trx, [{ id: stuff.id, availability }]);
  return 'done';
}

function isNewOrder(event: ContractEvent): event is ContractEventOf<typeof ORDER_CREATED> {
  return event.type === ORDER_CREATED && event.subjectVersion === 0 && isUuid(event.subjectId);
}

/**
 * A batch's new orders (their first version) applied together, ahead of its other events: every
 * BUY brings one, and one by one each costs four statements. The stuffs are locked (in id order),
 * the orders saved (one known already is stale, as the gate would say), and each stuff's
 * availability derived from all its orders and set where it changed: four statements for the
 * batch. A stuff with two new orders in one batch (the first cancelled between them) ends as
 * the cancellation, applied after, leaves it.
 */
export async function applyNewOrders(events: ContractEvent[], trx: Kysely<CatalogDatabase>): Promise<ContractEvent[]> {
  const created = events.filter(isNewOrder);
  if (created.length === 0) return [];
  const stuffs = await lockStuffs(trx, [...new Set(created.map((event) => event.data.stuffId))]);
  await insertNewStuffOrders(
    trx,
    created.map((event) => ({
      orderId: event.subjectId,
      stuffId: event.data.stuffId,
      status: STATUS_AFTER[ORDER_CREATED],
      version: 0,
    })),
  );
  const statuses = await orderStatusesOfStuffs(
    trx,
    stuffs.map((stuff) => stuff.id),
  );
  const changed = stuffs
    .map((stuff) => ({ stuff, availability: deriveAvailability(statuses.get(stuff.id) ?? []) }))
    .filter(({ stuff, availability }) => availability !== stuff.availability)
    .map(({ stuff, availability }) => ({ id: stuff.id, availability }));
  await setAvailabilities(trx, changed);
  return created;
}
