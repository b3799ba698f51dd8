import { classifyError, type Logger } from '@stuffmart/common/runtime';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { UpstreamErrors } from './relay-subscription.js';

/**
 * What a subscriber sees of errors, decided by the one formatter every HTTP response uses:
 * contract codes and GraphQL's request errors keep theirs, anything else becomes
 * INTERNAL_SERVER_ERROR and is logged, never sent.
 */
export function formatSubscriptionErrors(errors: readonly GraphQLError[], logger: Logger): GraphQLFormattedError[] {
  return errors.flatMap((error) => {
    // graphql-ws wraps whatever the relay threw in a GraphQLError of its own.
    const cause = error.originalError;
    if (cause instanceof UpstreamErrors) return formatSubscriptionErrors(cause.errors, logger);
    const subject = cause instanceof GraphQLError ? cause : error;
    const { formatted, hidden } = classifyError(subject.toJSON(), subject);
    if (hidden) logger.error({ err: subject.originalError ?? subject }, 'subscription failed');
    return [formatted];
  });
}
