import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram, type Registry } from '@stuffmart/common/runtime';
import { isContractErrorCode, isRequestErrorCode } from '@stuffmart/contract/error-codes';
import type { OperationDefinitionNode } from 'graphql';

/**
 * The operation as a label: its type and root field ("mutation.buyStuff"). Not the client's
 * operation name, which anyone can make up to grow the label set without end: root fields
 * come from the schema, and a request naming several is "query.multiple".
 */
export function operationLabel(operation: OperationDefinitionNode | undefined): string {
  if (!operation) return 'invalid';
  const fields = new Set(
    operation.selectionSet.selections.flatMap((selection) =>
      selection.kind === 'Field' ? [selection.name.value] : [],
    ),
  );
  const [only] = fields;
  return `${operation.operation}.${fields.size === 1 && only ? only : 'multiple'}`;
}

/** Request rate, errors and latency per operation, as Prometheus counts them. */
export function requestMetrics<C extends object>(registry: Registry): ApolloServerPlugin<C> {
  const requests = new Counter({
    name: 'stuffmart_graphql_requests_total',
    help: 'GraphQL requests over HTTP by operation and outcome (ok, or error when any error was answered)',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'stuffmart_graphql_errors_total',
    help: 'Errors answered, by operation and extensions.code',
    labelNames: ['operation', 'code'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'stuffmart_graphql_request_duration_seconds',
    help: 'Time from the request reaching Apollo to its answer, by operation',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return {
    async requestDidStart() {
      const stop = duration.startTimer();
      return {
        async willSendResponse({ operation, response }) {
          const label = operationLabel(operation ?? undefined);
          const answered = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          for (const error of answered) {
            const code = error.extensions?.code;
            errors.inc({
              operation: label,
              code: isContractErrorCode(code) || isRequestErrorCode(code) ? code : 'OTHER',
            });
          }
          requests.inc({ operation: label, outcome: answered.length > 0 ? 'error' : 'ok' });
          stop({ operation: label });
        },
      };
    },
  };
}
