export { deadLetterKey, newEvent, parseEvent, streamKey, type DomainEvent } from './domain-event.js';
export { createEventTables } from './outbox-migration.js';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay.js';
export { recordEvent } from './record-event.js';
export { consumerName } from './consumer-name.js';
export { heartbeatKey, StreamConsumer, type HandleOutcome, type StreamConsumerOptions } from './stream-consumer.js';
export { transactionalHandler, versionGate } from './transactional-handler.js';
export * from './contracts.js';
