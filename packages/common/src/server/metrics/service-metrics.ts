import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One registry per service instance, not prom-client's global one: tests run every service in
 * one process, and each must show its own numbers. Every series carries `service`, and the
 * process' own CPU, memory, event-loop lag and GC come along.
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'stuffmart_' });
  return registry;
}
