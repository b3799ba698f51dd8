export { deadLetterKey, newEvent, parseEvent, streamKey, type DomainEvent } from './domain-event.js';
export { awaitLocalCopy, type AwaitLocalCopyOptions } from './await-local-copy.js';
export { NewsCheck, outboxClearKey, redisTime } from './news-check.js';
export { createEventTables } from './outbox-migration.js';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay.js';
export { recordEvent, recordEventFrom } from './record-event.js';
export { consumerName } from './consumer-name.js';
export { heartbeatKey, isGroupReading } from './consumer-heartbeat.js';
export {
  batchHandlers,
  StreamConsumer,
  type EventHandlers,
  type EventReader,
  type HandleOutcome,
  type StreamConsumerOptions,
} from './stream-consumer.js';
export {
  transactionalBatchHandler,
  transactionalHandler,
  transactionalHandlers,
  versionGate,
  type TransactionalOptions,
} from './transactional-handler.js';
export { newContractEvent, readContractEvent, type ContractEvent, type ContractEventOf } from './contract-events.js';
