import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { DocumentNode, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import { INTERNAL_IDENTITY_HEADER, readInternalIdentity, REQUEST_ID_HEADER } from '../auth/internal-identity.js';
import { classifyError } from '../errors/format-error.js';
import type { SubgraphContext } from './subgraph-context.js';
import { traceSubscription } from '../telemetry/trace-http.js';
import { tracingOn } from '../telemetry/tracers.js';

/** The root fields an operation selects, as its span is named ("stuffAvailabilityChanged"). */
function rootFields(document: DocumentNode): string {
  return document.definitions
    .flatMap((definition) => (definition.kind === 'OperationDefinition' ? definition.selectionSet.selections : []))
    .flatMap((selection) => (selection.kind === 'Field' ? [selection.name.value] : []))
    .join(',');
}

/**
 * graphql-ws on the subgraph's /graphql. The gateway opens one connection per client
 * connection and puts its voucher in connectionParams; without one the subscriber is signed
 * out, as on HTTP.
 */
export function serveSubscriptions<C extends SubgraphContext>(options: {
  /** The subgraph, as its spans name it. */
  name: string;
  httpServer: http.Server;
  schema: GraphQLSchema;
  internalKey: string;
  logger: Logger;
  extendContext: (base: SubgraphContext) => C;
}): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const server = useServer(
    {
      schema: options.schema,
      context: (ctx, _id, _payload, args) => {
        const params = ctx.connectionParams ?? {};
        if (tracingOn()) traceSubscription(options.name, params, `subscription ${rootFields(args.document)}`);
        const voucher = params[INTERNAL_IDENTITY_HEADER];
        const vouched = readInternalIdentity(options.internalKey, typeof voucher === 'string' ? voucher : undefined);
        const given = params[REQUEST_ID_HEADER];
        const requestId = typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
        return options.extendContext({
          ...vouched,
          requestId,
          logger: options.logger.child({ requestId }),
          // A WebSocket has no response headers to set; nothing that needs them subscribes.
          setResponseHeader: () => undefined,
          requestHeader: () => undefined,
        });
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!('errors' in result) || !result.errors) return result;
        return {
          ...result,
          errors: result.errors.map((error) => {
            const classified = classifyError(error.toJSON() as GraphQLFormattedError, error);
            if (classified.hidden) options.logger.error({ err: error.originalError ?? error }, 'subscription failed');
            return classified.formatted;
          }),
        };
      },
    },
    wss,
  );
  return {
    close: async () => {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
