import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
/** GraphQL request errors: the request was well-formed, its GraphQL was not. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * Whether the answer goes out as `application/graphql-response+json`: the client's most wanted
 * media range that either type matches names it exactly. Apollo negotiates the same way
 * (`application/json` first on a tie, so `*` and a missing Accept mean plain JSON).
 */
function wantsGraphQLResponseJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = accept
    .split(',')
    .map((part, order) => {
      const [type = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
      const q = params.find((param) => param.startsWith('q='));
      return { type, q: q ? Number(q.slice(2)) : 1, order };
    })
    .filter(
      ({ type, q }) => q > 0 && [GRAPHQL_RESPONSE_JSON, 'application/json', 'application/*', '*/*'].includes(type),
    )
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranges[0]?.type === GRAPHQL_RESPONSE_JSON;
}

/**
 * GraphQL over HTTP: a well-formed request whose GraphQL fails (parse, validation, variables,
 * our limits) is answered 400 only under `application/graphql-response+json`. Under legacy
 * `application/json` a client reads errors from the body, and the spec says 200 there: a proxy
 * or a fetch wrapper that treats 4xx as "no GraphQL answer" would lose them. Requests that are
 * not well-formed (bad JSON, no query or one that is not a string, CSRF: BAD_REQUEST) keep 400.
 */
export function legacyJsonStatus<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (
            data !== undefined ||
            !errors?.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code)))
          ) {
            return;
          }
          if (wantsGraphQLResponseJson(request.http?.headers.get('accept'))) return;
          response.http.status = 200;
        },
      };
    },
  };
}
