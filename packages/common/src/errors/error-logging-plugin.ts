import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import { classifyError } from './format-error.js';

interface LoggingContext extends BaseContext {
  logger?: Logger;
}

/**
 * The other half of the one error path: what the formatter hides from the client is logged
 * here, with the request's logger (and so its request id).
 */
export function errorLoggingPlugin(fallback: Logger): ApolloServerPlugin<LoggingContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const logger = contextValue.logger ?? fallback;
          for (const error of errors) {
            if (classifyError({ message: error.message, extensions: error.extensions }, error).hidden) {
              logger.error({ err: error.originalError ?? error, path: error.path }, 'request failed');
            }
          }
        },
      };
    },
  };
}
