import { isUuid, versionGate, type ContractEvent, type HandleOutcome } from '@stuffmart/common';
import { ORDER_CANCELLED, ORDER_COMPLETED, ORDER_CREATED } from '@stuffmart/contract/events';
import type { Kysely } from 'kysely';
import type { CatalogDatabase, OrderStatus } from '../data-access/catalog-database.js';
import { lockStuffOrder, saveStuffOrder } from '../data-access/stuff-orders.js';
import { lockStuff, setAvailability } from '../data-access/stuffs.js';
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
  if (stuff && availability !== stuff.availability) await setAvailability(trx, stuff.id, availability);
  return 'done';
}
