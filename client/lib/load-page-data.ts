import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { describeError, type ErrorDescription, type ErrorSentences } from './describe-error';
import { getClient } from './rsc-client';

export type PageData<T> = { data: T; problem: null } | { data: null; problem: ErrorDescription };

/**
 * A server component's query. Failures come back as a described problem for the page to
 * show in place, so an outage of one subgraph is a sentence on the page, not a blank one.
 */
export async function loadPageData<T, V extends OperationVariables>(
  query: TypedDocumentNode<T, V>,
  variables: V,
  sentences?: ErrorSentences,
): Promise<PageData<T>> {
  try {
    const { data } = await getClient().query({ query, variables });
    if (data === undefined) return { data: null, problem: describeError(null, sentences) };
    return { data, problem: null };
  } catch (error) {
    return { data: null, problem: describeError(error, sentences) };
  }
}
