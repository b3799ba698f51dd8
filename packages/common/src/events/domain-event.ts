import { randomUUID } from 'node:crypto';

/**
 * What travels on the bus. `subjectVersion` is the version of the subject (a stuff, an order)
 * after the change, so a consumer can apply a subject's events in order whatever order they
 * arrive in.
 */
export interface DomainEvent<T = Record<string, unknown>> {
  id: string;
  type: string;
  subjectId: string;
  subjectVersion: number;
  occurredAt: string;
  data: T;
  /**
   * W3C traceparent of the span that wrote the event (set by recordEvent, replaced by the
   * relay's), so consumers continue the trace of the request behind the change. Absent when
   * tracing is off.
   */
  traceparent?: string;
}

export function newEvent<T>(type: string, subjectId: string, subjectVersion: number, data: T): DomainEvent<T> {
  return { id: randomUUID(), type, subjectId, subjectVersion, occurredAt: new Date().toISOString(), data };
}

export function parseEvent(raw: string): DomainEvent {
  const value = JSON.parse(raw) as Partial<DomainEvent>;
  if (
    typeof value.id !== 'string' ||
    typeof value.type !== 'string' ||
    typeof value.subjectId !== 'string' ||
    typeof value.subjectVersion !== 'number' ||
    typeof value.data !== 'object' ||
    value.data === null
  ) {
    throw new Error('not a domain event');
  }
  return value as DomainEvent;
}

/** Each publisher (subgraph or worker) has one stream; every consumer group reads it. */
export function streamKey(namespace: string, publisher: string): string {
  return `${namespace}:events:${publisher}`;
}

export function deadLetterKey(namespace: string, publisher: string): string {
  return `${streamKey(namespace, publisher)}:dead`;
}
