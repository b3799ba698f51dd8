import { isEventType, parseEventData, type EventData, type EventType } from '@stuffmart/contract/events';
import { newEvent, type DomainEvent } from './domain-event.js';

/** An event of the contract's type T (of any of them, when T is a union): its payload has that type's shape. */
export type ContractEventOf<T extends EventType> = T extends EventType
  ? DomainEvent<EventData<T>> & { type: T }
  : never;

/** Any event of the contract: narrowing its `type` narrows its payload. */
export type ContractEvent = ContractEventOf<EventType>;

/**
 * The event to record in the outbox. The payload is type-checked here and parsed as well, so a
 * payload that would not parse fails the producer's own transaction, not its consumers.
 */
export function newContractEvent<T extends EventType>(
  type: T,
  subjectId: string,
  subjectVersion: number,
  data: EventData<T>,
): DomainEvent<EventData<T>> & { type: T } {
  return { ...newEvent(type, subjectId, subjectVersion, parseEventData(type, data)), type };
}

/**
 * What a consumer of contract events reads (StreamConsumer's `read`): the event with its
 * payload parsed, or undefined for a type the contract does not know (a newer publisher's),
 * which no handler of ours could act on. Throws, naming the bad fields, when the payload does
 * not fit its type: the consumer parks such an entry on the dead-letter stream at once.
 */
export function readContractEvent(event: DomainEvent): ContractEvent | undefined {
  if (!isEventType(event.type)) return undefined;
  return { ...event, data: parseEventData(event.type, event.data) } as ContractEvent;
}
