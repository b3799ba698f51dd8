import { ServiceUnavailableError, type Logger } from '@stuffmart/common/runtime';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Client, ExecutionResult, FormattedExecutionResult, SubscribePayload } from 'graphql-ws';

/**
 * An error a subgraph has already formatted. It keeps that shape (toJSON gives it back
 * untouched) so that the gateway's formatter judges exactly what the subgraph sent.
 */
export class RelayedError extends GraphQLError {
  constructor(readonly formatted: GraphQLFormattedError) {
    super(formatted.message, { path: formatted.path, extensions: formatted.extensions });
  }

  override toJSON(): GraphQLFormattedError {
    return this.formatted;
  }
}

/** The subgraph ended the operation with a graphql-ws `error` message; the client gets the same. */
export class UpstreamErrors extends Error {
  constructor(readonly errors: RelayedError[]) {
    super('the subgraph refused the subscription');
  }
}

export interface RelayOptions {
  upstream: Client;
  payload: SubscribePayload;
  subgraph: string;
  responseKey: string;
  logger: Logger;
}

type Item = { result: ExecutionResult } | { failure: Error } | 'complete';

function describeLoss(reason: unknown): Record<string, unknown> {
  if (reason instanceof Error) return { err: reason.message };
  const { code, reason: why, message } = (reason ?? {}) as { code?: unknown; reason?: unknown; message?: unknown };
  return { code, reason: why, message };
}

/**
 * One client subscription passed through to the subgraph that owns it: every upstream `next`
 * becomes a result, `complete` ends the stream, an upstream `error` or a lost connection is
 * thrown (graphql-ws then sends the client an `error`). Ending it early (the client completed or
 * went away) completes the upstream operation at once. A hand-made iterator rather than an
 * async generator, so that return() takes effect immediately, not after the next message.
 */
export function relaySubscription(options: RelayOptions): AsyncIterableIterator<ExecutionResult> {
  const queue: Item[] = [];
  let wake: ((item: Item) => void) | undefined;
  let finished = false;

  const push = (item: Item) => {
    if (finished) return;
    if (wake) {
      const resolve = wake;
      wake = undefined;
      resolve(item);
    } else {
      queue.push(item);
    }
  };

  const unsubscribe = options.upstream.subscribe<Record<string, unknown>, Record<string, unknown>>(options.payload, {
    next: ({ errors, ...rest }: FormattedExecutionResult<Record<string, unknown>, Record<string, unknown>>) =>
      push({ result: errors ? { ...rest, errors: errors.map((error) => new RelayedError(error)) } : rest }),
    error: (error) => {
      if (Array.isArray(error)) {
        push({ failure: new UpstreamErrors(error.map((one: GraphQLFormattedError) => new RelayedError(one))) });
        return;
      }
      options.logger.warn({ subgraph: options.subgraph, ...describeLoss(error) }, 'subscription lost its subgraph');
      push({
        failure: new GraphQLError('Service unavailable', {
          path: [options.responseKey],
          originalError: new ServiceUnavailableError(),
        }),
      });
    },
    complete: () => push('complete'),
  });

  const finish = (): IteratorReturnResult<undefined> => {
    if (!finished) {
      finished = true;
      queue.length = 0;
      unsubscribe();
      wake?.('complete');
      wake = undefined;
    }
    return { value: undefined, done: true };
  };

  const settle = (item: Item): IteratorResult<ExecutionResult, undefined> => {
    if (item === 'complete') return finish();
    if ('failure' in item) {
      finish();
      throw item.failure;
    }
    return { value: item.result, done: false };
  };

  // graphql-ws calls return() only on what has next, return and throw (an async generator's shape).
  const relay: Required<AsyncIterableIterator<ExecutionResult>> = {
    next: async () => {
      const item = queue.shift();
      if (item) return settle(item);
      if (finished) return { value: undefined, done: true };
      return settle(await new Promise<Item>((resolve) => (wake = resolve)));
    },
    return: async () => finish(),
    throw: async (error: unknown) => {
      finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return relay;
    },
  };
  return relay;
}
