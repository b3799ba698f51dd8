import type { DocumentNode } from 'graphql';

/** Answers remembered per document; a client that varies its variables without end is recomputed. */
const MAX_ANSWERS_PER_DOCUMENT = 64;

/**
 * A per-request check whose answer depends only on the document and what `key` says (operation
 * name, variables), remembered for as long as the document is. Apollo Server keeps each distinct
 * query's parsed and validated document in its document store and hands the same object to every
 * request of that query, so a WeakMap on it is never stale: a document dropped from the store is
 * forgotten here too.
 */
export function perDocumentCache<T>(): (document: DocumentNode, key: string, compute: () => T) => T {
  const cache = new WeakMap<DocumentNode, Map<string, T>>();
  return (document, key, compute) => {
    let answers = cache.get(document);
    if (!answers) cache.set(document, (answers = new Map()));
    if (answers.has(key)) return answers.get(key)!;
    const answer = compute();
    if (answers.size < MAX_ANSWERS_PER_DOCUMENT) answers.set(key, answer);
    return answer;
  };
}
